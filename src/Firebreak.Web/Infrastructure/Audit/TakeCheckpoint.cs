using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>What taking a checkpoint did: the checkpoint and its file, nothing (the chain had not moved), or why it refused.</summary>
internal sealed record CheckpointOutcome(AuditCheckpoint? Checkpoint, string? File, string? Problem);

/// <summary>
/// Signs the chain's head now, writes it to the checkpoint folder and, when an address is set,
/// mails it through the outbox. It refuses when the database no longer holds the head of the last
/// checkpoint written: the anchor must not follow a history that was cut or replaced.
/// </summary>
internal sealed class TakeCheckpoint(FirebreakDbContext db, AuditSigningKey key, Outbox outbox, IOptions<AuditOptions> options, TimeProvider time)
{
    public const string MailPurpose = "audit-checkpoint";

    /// <param name="onlyWhenMoved">True for the periodic run: nothing is written while the head is the last checkpoint's.</param>
    /// <param name="ct">Cancels the checkpoint before its file is written.</param>
    public async Task<CheckpointOutcome> ExecuteAsync(bool onlyWhenMoved, CancellationToken ct)
    {
        var head = await HeadAsync(db, ct);
        var (last, lastFile) = Latest();
        var previous = last?.Chain(ChainHead.Audit);
        if (onlyWhenMoved && !IsDue(previous, head)) return new(null, null, null);
        if (previous is { Sequence: > 0 } && !await HoldsAsync(previous, ct))
            return new(null, null, $"the database no longer holds record {previous.Sequence} as the last checkpoint ({lastFile}) sealed it; " +
                "no checkpoint is written over a cut or replaced history (run admin verify-audit --checkpoint on that file)");
        var unsigned = new AuditCheckpoint(CanonicalEncoding.ToMicroseconds(time.GetUtcNow().UtcDateTime), key.KeyId, [head], []);
        var checkpoint = unsigned with { Signature = key.Sign(unsigned.SignedBytes()) };
        var file = await WriteAsync(checkpoint, ct);
        if (options.Value.CheckpointTo is { Length: > 0 } to)
        {
            await outbox.EnqueueAsync(new MailDraft($"audit-checkpoint:{head.Sequence}:{CanonicalEncoding.Instant(checkpoint.At)}", to,
                $"Firebreak audit checkpoint: record {head.Sequence}",
                $"Keep this checkpoint outside the server. `admin verify-audit --checkpoint FILE` checks a database against it.\n\n{checkpoint.ToJson()}",
                null, MailPurpose), ct);
            await db.SaveChangesAsync(ct);
        }
        return new(checkpoint, file, null);
    }

    /// <summary>What the periodic run asks: a checkpoint is due when the chain's head is not the last checkpoint's.</summary>
    public static bool IsDue(ChainHead? last, ChainHead current) => last != current;

    /// <summary>The chain's last record now, or position 0 with the genesis hash when it is empty.</summary>
    public static async Task<ChainHead> HeadAsync(FirebreakDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Set<AuditRecord>().AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? new(ChainHead.Audit, 0, AuditRecord.Genesis) : new(ChainHead.Audit, head.Sequence, head.Hash);
    }

    private async Task<bool> HoldsAsync(ChainHead head, CancellationToken ct) =>
        await db.Set<AuditRecord>().AnyAsync(r => r.Sequence == head.Sequence && r.Hash == head.Hash, ct);

    /// <summary>The newest checkpoint in the folder signed by this key (names sort by position, then instant).</summary>
    private (AuditCheckpoint?, string?) Latest()
    {
        var folder = options.Value.CheckpointPath;
        if (!Directory.Exists(folder)) return (null, null);
        foreach (var file in Directory.GetFiles(folder, "audit-checkpoint-*.json").OrderDescending(StringComparer.Ordinal))
        {
            if (AuditCheckpoint.TryParse(File.ReadAllText(file), out var checkpoint, out _) && checkpoint!.KeyId == key.KeyId
                && AuditSigningKey.Verify(key.PublicKey, checkpoint.SignedBytes(), checkpoint.Signature))
                return (checkpoint, file);
        }
        return (null, null);
    }

    private async Task<string> WriteAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        var folder = options.Value.CheckpointPath;
        Directory.CreateDirectory(folder);
        var name = $"audit-checkpoint-{checkpoint.Chains[0].Sequence:D12}-{checkpoint.At:yyyyMMdd'T'HHmmss'.'ffffff'Z'}.json";
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(checkpoint.ToJson()), ct);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
