using Firebreak.Domain.Common;
using System.Text;
using System.Text.Json;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// The part of the global audit chain an incident's archive carries, so an offline verifier can check it without the
/// database and without learning anything about other incidents or projects:
/// <list type="bullet">
/// <item>every record that touches the incident in full (its timeline entries' records, and the events whose subject
/// is the incident: reads, exports, downloads, redactions), so each hash can be recomputed;</item>
/// <item>for every other record between the first and the last of those, only its position, its hash and the hash
/// before it ("withheld"): a record's hash covers its content directly, with no separate content digest, so nothing
/// less than the whole record could be checked, and the whole record may be another incident's embargoed detail;</item>
/// <item>the oldest signed checkpoint at or after the last record, when the checkpoint folder holds one that the chain
/// still holds, with the withheld records up to it, so the run can be tied to a head signed before the archive was asked for.</item>
/// </list>
/// Downloads of the archive itself (<see cref="ArchiveActions.IncidentArchive"/>) are left out like the post-mortem
/// leaves out page reads: they are about the record, not the incident, and leaving them out lets the same record give
/// the same bytes.
/// </summary>
internal sealed class AuditExcerpt(FirebreakDbContext db, AuditSigningKey key, IOptions<AuditOptions> options)
{
    private const int Page = 5_000;

    /// <summary>The excerpt's files (<c>audit/records.json</c>, and <c>audit/checkpoint.json</c> when one covers it) and the instant of its last full record.</summary>
    public async Task<(IReadOnlyList<ArchiveFile> Files, DateTime? LastAt)> BuildAsync(Guid incidentId, CancellationToken ct)
    {
        var subject = $"incident {incidentId}";
        var entryIds = (await db.Timeline.AsNoTracking().Where(t => t.IncidentId == incidentId).Select(t => t.Id).ToListAsync(ct))
            .Select(id => id.ToString()).ToList();
        var full = await db.Set<AuditRecord>().AsNoTracking()
            .Where(r => (r.Action == AuditRecords.Timeline && entryIds.Contains(r.Subject)) || (r.Subject == subject && r.Action != ArchiveActions.IncidentArchive))
            .OrderBy(r => r.Sequence).ToListAsync(ct);
        var checkpoint = full.Count == 0 ? null : await CheckpointAsync(full[^1].Sequence, ct);
        var from = full.Count == 0 ? 0 : full[0].Sequence;
        var to = checkpoint?.Chain(ChainHead.Audit)?.Sequence ?? (full.Count == 0 ? 0 : full[^1].Sequence);
        var files = new List<ArchiveFile> { new("audit/records.json", await RecordsAsync(incidentId, full, from, to, ct)) };
        if (checkpoint is not null) files.Add(new("audit/checkpoint.json", Encoding.UTF8.GetBytes(checkpoint.ToJson())));
        return (files, full.Count == 0 ? null : DateTime.SpecifyKind(full[^1].At, DateTimeKind.Utc));
    }

    private async Task<byte[]> RecordsAsync(Guid incidentId, List<AuditRecord> full, long from, long to, CancellationToken ct)
    {
        var bySequence = full.ToDictionary(r => r.Sequence);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "firebreak-audit-excerpt/1");
            json.WriteString("chain", ChainHead.Audit);
            json.WriteString("incident", incidentId.ToString("D"));
            json.WriteNumber("from", from);
            json.WriteNumber("to", to);
            json.WriteStartArray("records");
            for (var start = from; full.Count > 0 && start <= to; start += Page)
            {
                var end = Math.Min(to, start + Page - 1);
                // Three unsealed columns only: the withheld records' details are never opened.
                var links = await db.Set<AuditRecord>().AsNoTracking().Where(r => r.Sequence >= start && r.Sequence <= end).OrderBy(r => r.Sequence)
                    .Select(r => new { r.Sequence, r.PreviousHash, r.Hash }).ToListAsync(ct);
                foreach (var link in links)
                {
                    json.WriteStartObject();
                    json.WriteNumber("sequence", link.Sequence);
                    if (bySequence.TryGetValue(link.Sequence, out var record)) WriteFull(json, record);
                    else json.WriteBoolean("withheld", true);
                    json.WriteString("previousHash", link.PreviousHash);
                    json.WriteString("hash", link.Hash);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteFull(Utf8JsonWriter json, AuditRecord record)
    {
        json.WriteNumber("hashFormat", record.HashFormat);
        json.WriteString("id", record.Id.ToString("D"));
        json.WriteString("at", CanonicalEncoding.Instant(record.At));
        json.WriteString("actor", record.Actor);
        json.WriteString("action", record.Action);
        json.WriteString("subject", record.Subject);
        json.WriteString("detail", record.Detail);
        json.WriteString("entryDigest", record.EntryDigest);
    }

    /// <summary>The oldest checkpoint signed by this server's key whose head is at or after <paramref name="last"/> and still in the chain.</summary>
    private async Task<AuditCheckpoint?> CheckpointAsync(long last, CancellationToken ct)
    {
        var folder = options.Value.CheckpointPath;
        if (!Directory.Exists(folder)) return null;
        // File names start with the position in twelve digits, so ordinal order is chain order.
        foreach (var file in Directory.GetFiles(folder, "audit-checkpoint-*.json").Order(StringComparer.Ordinal))
        {
            if (!AuditCheckpoint.TryParse(await File.ReadAllTextAsync(file, ct), out var checkpoint, out _) || checkpoint!.KeyId != key.KeyId
                || !AuditSigningKey.Verify(key.PublicKey, checkpoint.SignedBytes(), checkpoint.Signature)) continue;
            if (checkpoint.Chain(ChainHead.Audit) is not { } head || head.Sequence < last) continue;
            if (await db.Set<AuditRecord>().AnyAsync(r => r.Sequence == head.Sequence && r.Hash == head.Hash, ct)) return checkpoint;
        }
        return null;
    }
}
