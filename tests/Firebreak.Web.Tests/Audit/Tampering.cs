using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Data.Sealing;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Tests.Audit;

/// <summary>
/// One random act of tampering with the audit tables, in raw SQL behind the server's back, the way
/// someone holding the database file or a superuser login would: change any column of any chained
/// row, delete a row, swap two rows, cut the tail of one table or both, delete a range, empty both,
/// or put back an older copy. Each returns a description; nothing that changes no row counts.
/// A sealed column (an entry's text, a record's detail) is changed the two ways that are open to such a person:
/// without the key, bytes of its ciphertext replaced; with it (an insider holding the key file too), a changed text
/// sealed afresh. Either must be caught.
/// </summary>
internal sealed class Tampering(FirebreakDbContext db, DataKeyRing ring, Random random)
{
    /// <summary>Every column of the chain table; a test holds this list to the model, so a new column gets its trials.</summary>
    public static readonly string[] AuditColumns = ["Id", "Sequence", "At", "Actor", "Action", "Subject", "Detail", "EntryDigest", "HashFormat", "PreviousHash", "Hash"];

    /// <summary>Every column of the timeline table.</summary>
    public static readonly string[] TimelineColumns = ["Id", "IncidentId", "Sequence", "At", "Actor", "Kind", "Text"];

    public static readonly string[] Kinds =
    [
        "modify-audit", "modify-audit", "modify-audit", "modify-timeline", "modify-timeline", "modify-timeline", "delete-audit", "delete-timeline",
        "swap-audit", "swap-timeline", "truncate-audit", "truncate-timeline", "truncate-both", "delete-range", "empty-both", "older-copy",
    ];

    private List<AuditRecord> _records = [];
    private List<TimelineEntry> _entries = [];

    public async Task<(string Kind, string Description)> ApplyRandomAsync(CancellationToken ct)
    {
        _records = await db.Set<AuditRecord>().AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
        _entries = await db.Timeline.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var kind = Kinds[random.Next(Kinds.Length)];
        var (changed, description) = kind switch
        {
            "modify-audit" => await ModifyAuditAsync(Pick(_records), Pick(AuditColumns), ct),
            "modify-timeline" => await ModifyTimelineAsync(Pick(_entries), Pick(TimelineColumns), ct),
            "delete-audit" => await DeleteRecordsAsync([Pick(_records)], withEntries: false, ct),
            "delete-timeline" => (await DeleteEntriesAsync([Pick(_entries).Id], ct), "deleted one timeline entry"),
            "swap-audit" => await SwapRecordsAsync(ct),
            "swap-timeline" => await SwapEntriesAsync(ct),
            "truncate-audit" => await DeleteRecordsAsync(_records[^Tail(_records.Count)..], withEntries: false, ct),
            "truncate-both" => await DeleteRecordsAsync(_records[^Tail(_records.Count)..], withEntries: true, ct),
            "truncate-timeline" => (await DeleteEntriesAsync([.. _entries[^Tail(_entries.Count)..].Select(e => e.Id)], ct), "cut the timeline's newest entries"),
            "delete-range" => await DeleteRangeAsync(ct),
            "empty-both" => (await Sql("DELETE FROM \"Timeline\"", ct) + await Sql("DELETE FROM \"AuditChain\"", ct), "emptied both tables"),
            "older-copy" => await OlderCopyAsync(ct),
            _ => throw new InvalidOperationException(kind),
        };
        if (changed == 0) throw new InvalidOperationException($"{kind}: {description} changed no row");
        return (kind, description);
    }

    private async Task<(int, string)> ModifyAuditAsync(AuditRecord r, string column, CancellationToken ct)
    {
        object value = column switch
        {
            "Id" => OtherGuid(r.Id),
            "Sequence" => random.Next(3) switch { 0 => 0L, 1 => -random.Next(1, 50), _ => _records[^1].Sequence + random.Next(1, 50) },
            "At" => Shift(r.At),
            "HashFormat" => r.HashFormat + random.Next(1, 5) * (random.Next(2) == 0 ? 1 : -1),
            "Actor" => Perturb(r.Actor, _records.Select(x => x.Actor)),
            "Action" => Perturb(r.Action, _records.Select(x => x.Action)),
            "Subject" => Perturb(r.Subject, _records.Select(x => x.Subject)),
            "Detail" => Sealed(Perturb(r.Detail, _records.Select(x => x.Detail)), "AuditChain.Detail"),
            "EntryDigest" => Perturb(r.EntryDigest, _records.Select(x => x.EntryDigest)),
            "PreviousHash" => Perturb(r.PreviousHash, _records.Select(x => x.PreviousHash)),
            "Hash" => Perturb(r.Hash, _records.Select(x => x.Hash)),
            _ => throw new InvalidOperationException(column),
        };
        var update = $"UPDATE \"AuditChain\" SET \"{column}\" = {{0}} WHERE \"Id\" = {{1}}"; // the column is one of ours, the values are parameters
        var changed = await db.Database.ExecuteSqlRawAsync(update, [value, r.Id], ct);
        return (changed, $"set AuditChain.{column} of record {r.Sequence} ({r.Action}) to «{Short(value)}»");
    }

    private async Task<(int, string)> ModifyTimelineAsync(TimelineEntry e, string column, CancellationToken ct)
    {
        var other = _entries.Select(x => x.IncidentId).Distinct().Where(i => i != e.IncidentId && !_entries.Any(x => x.IncidentId == i && x.Sequence == e.Sequence))
            .OrderBy(_ => random.Next()).FirstOrDefault();
        // When every other incident has an entry at this position, moving it would break a unique key rather than the chain.
        if (column == "IncidentId" && other == Guid.Empty) column = "Text";
        object value = column switch
        {
            "Id" => OtherGuid(e.Id),
            "IncidentId" => other,
            "Sequence" => _entries.Where(x => x.IncidentId == e.IncidentId).Max(x => x.Sequence) + random.Next(1, 20),
            "At" => Shift(e.At),
            "Actor" => Perturb(e.Actor, _entries.Select(x => x.Actor)),
            "Kind" => Pick(Enum.GetValues<TimelineKind>().Where(k => k != e.Kind).ToArray()).ToString(),
            "Text" => Sealed(Perturb(e.Text, _entries.Select(x => x.Text)), "Timeline.Text"),
            _ => throw new InvalidOperationException(column),
        };
        var update = $"UPDATE \"Timeline\" SET \"{column}\" = {{0}} WHERE \"Id\" = {{1}}";
        var changed = await db.Database.ExecuteSqlRawAsync(update, [value, e.Id], ct);
        return (changed, $"set Timeline.{column} of entry #{e.Sequence} of incident {e.IncidentId} to «{Short(value)}»");
    }

    /// <summary>A changed text as the column stores it: sealed under the server's key, or (half the time) garbage of the same shape.</summary>
    private byte[] Sealed(string text, string column)
    {
        var value = ring.SealText(text, column);
        if (random.Next(2) == 0) random.NextBytes(value.AsSpan(5)); // keeps the version and key number, replaces nonce, tag and text
        return value;
    }

    private async Task<(int, string)> DeleteRecordsAsync(IReadOnlyList<AuditRecord> records, bool withEntries, CancellationToken ct)
    {
        var changed = 0;
        foreach (var r in records) changed += await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditChain\" WHERE \"Id\" = {0}", [r.Id], ct);
        if (withEntries) changed += await DeleteEntriesAsync(EntriesOf(records), ct);
        return (changed, $"deleted record(s) {records[0].Sequence}..{records[^1].Sequence} of {_records.Count}{(withEntries ? " and their timeline entries" : "")}");
    }

    private async Task<(int, string)> DeleteRangeAsync(CancellationToken ct)
    {
        var start = random.Next(1, _records.Count - 1);
        var (changed, description) = await DeleteRecordsAsync(_records[start..random.Next(start + 1, _records.Count)], withEntries: true, ct);
        return (changed, description + " (a range inside the chain)");
    }

    private async Task<(int, string)> SwapRecordsAsync(CancellationToken ct)
    {
        var (a, b) = (Pick(_records), Pick(_records));
        while (b.Id == a.Id) b = Pick(_records);
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChain\" SET \"Sequence\" = -1 WHERE \"Id\" = {0}", [a.Id], ct)
            + await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChain\" SET \"Sequence\" = {0} WHERE \"Id\" = {1}", [a.Sequence, b.Id], ct)
            + await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChain\" SET \"Sequence\" = {0} WHERE \"Id\" = {1}", [b.Sequence, a.Id], ct);
        return (changed, $"swapped records {a.Sequence} and {b.Sequence}");
    }

    private async Task<(int, string)> SwapEntriesAsync(CancellationToken ct)
    {
        var incident = Pick(_entries.GroupBy(e => e.IncidentId).Where(g => g.Count() > 1).ToArray()).ToArray();
        var (a, b) = (Pick(incident), Pick(incident));
        while (b.Id == a.Id) b = Pick(incident);
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"Timeline\" SET \"Sequence\" = -1 WHERE \"Id\" = {0}", [a.Id], ct)
            + await db.Database.ExecuteSqlRawAsync("UPDATE \"Timeline\" SET \"Sequence\" = {0} WHERE \"Id\" = {1}", [a.Sequence, b.Id], ct)
            + await db.Database.ExecuteSqlRawAsync("UPDATE \"Timeline\" SET \"Sequence\" = {0} WHERE \"Id\" = {1}", [b.Sequence, a.Id], ct);
        return (changed, $"swapped timeline entries #{a.Sequence} and #{b.Sequence} of incident {a.IncidentId}");
    }

    private async Task<(int, string)> OlderCopyAsync(CancellationToken ct)
    {
        var copy = Pick(AuditedHistory.OlderCopies);
        var changed = await Sql("DELETE FROM \"Timeline\"", ct) + await Sql("DELETE FROM \"AuditChain\"", ct)
            + await Sql($"INSERT INTO \"AuditChain\" SELECT * FROM \"{copy}_AuditChain\"", ct) + await Sql($"INSERT INTO \"Timeline\" SELECT * FROM \"{copy}_Timeline\"", ct);
        return (changed, $"put back the older copy {copy}");
    }

    private async Task<int> DeleteEntriesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var changed = 0;
        foreach (var id in ids) changed += await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Timeline\" WHERE \"Id\" = {0}", [id], ct);
        return changed;
    }

    private static IEnumerable<Guid> EntriesOf(IEnumerable<AuditRecord> records) =>
        records.Where(r => r.Action == AuditRecords.Timeline).Select(r => Guid.Parse(r.Subject));

    private Task<int> Sql(string sql, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(sql, ct);

    /// <summary>How many rows to cut from a tail: mostly a few, sometimes many.</summary>
    private int Tail(int count) => Math.Min(count, random.Next(3) == 0 ? random.Next(1, count + 1) : random.Next(1, 4));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Guid OtherGuid(Guid id)
    {
        var text = id.ToString("N").ToCharArray();
        var at = random.Next(text.Length);
        text[at] = text[at] == '0' ? '1' : '0';
        return random.Next(2) == 0 ? Guid.ParseExact(new string(text), "N") : Guid.CreateVersion7();
    }

    /// <summary>An instant moved by a microsecond up to weeks, either way.</summary>
    private DateTime Shift(DateTime at)
    {
        var ticks = random.Next(4) switch
        {
            0 => TimeSpan.TicksPerMicrosecond * random.Next(1, 1000),
            1 => TimeSpan.TicksPerSecond * random.Next(1, 3600),
            2 => TimeSpan.TicksPerHour * random.Next(1, 24 * 21),
            _ => TimeSpan.TicksPerMillisecond * random.Next(1, 1000),
        };
        return new DateTime(at.Ticks + (random.Next(2) == 0 ? ticks : -ticks), DateTimeKind.Utc);
    }

    /// <summary>A different text: another row's value, one character replaced, removed or added, or emptied.</summary>
    private string Perturb(string text, IEnumerable<string> others)
    {
        var candidates = others.Where(o => o != text).Distinct().ToArray();
        var choice = random.Next(5);
        if (choice == 0 && candidates.Length > 0) return Pick(candidates);
        if (text.Length == 0) return Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var at = random.Next(text.Length);
        const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz@. ";
        switch (choice)
        {
            case 1:
                var replacement = Alphabet[random.Next(Alphabet.Length)];
                if (replacement == text[at]) replacement = text[at] == 'a' ? 'b' : 'a';
                return string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
            case 2 when text.Length > 1:
                return text.Remove(at, 1);
            case 3 when text.Length < 60:
                return text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString());
            default:
                return "";
        }
    }

    private static string Short(object value) => value.ToString() is { Length: > 40 } text ? text[..40] + "…" : value.ToString() ?? "";
}
