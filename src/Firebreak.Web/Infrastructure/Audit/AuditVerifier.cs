using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>The verdict on the chain: how many records were checked, and the first broken link if any (0 when the timeline disagrees with an intact chain).</summary>
internal sealed record AuditVerdict(long Records, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;

    public override string ToString() => Intact
        ? $"audit chain intact: {Records} record(s) verified"
        : $"audit chain broken at record {BrokenAt}: {Problem}";
}

/// <summary>
/// Walks the chain in order, recomputing every hash and link, and checks each timeline entry
/// against its record (every column, through the record's entry digest), so editing either table,
/// deleting a row or reordering rows is found. Given a checkpoint's head, it also requires the
/// record at that position to be the one the checkpoint sealed, so a cut tail, an emptied chain or
/// an older copy of the database is found too. It reads in pages, so a long history does not have
/// to fit in memory.
/// </summary>
internal sealed class AuditVerifier(FirebreakDbContext db)
{
    private const int Page = 2_000;

    public Task<AuditVerdict> VerifyAsync(CancellationToken ct) => VerifyAsync(null, ct);

    /// <param name="anchor">A checkpoint's head of the audit chain (its signature already checked), or null.</param>
    /// <param name="ct">Cancels the walk.</param>
    public async Task<AuditVerdict> VerifyAsync(ChainHead? anchor, CancellationToken ct)
    {
        long count = 0;
        try
        {
            var previous = AuditRecord.Genesis;
            long expected = 1;
            var timelineRecords = new Dictionary<Guid, (long Sequence, string Detail, string Digest)>();
            while (true)
            {
                var page = await db.Set<AuditRecord>().AsNoTracking().Where(r => r.Sequence >= expected)
                    .OrderBy(r => r.Sequence).Take(Page).ToListAsync(ct);
                if (page.Count == 0) break;
                foreach (var record in page)
                {
                    if (record.Sequence != expected) return new(count, expected, $"record {expected} is missing (next is {record.Sequence})");
                    if (record.PreviousHash != previous) return new(count, expected, "it does not link to the record before it");
                    if (record.ComputeHash() is not { } hash) return new(count, expected, $"its hash format {record.HashFormat} is unknown (it was changed)");
                    if (hash != record.Hash) return new(count, expected, "its content does not match its hash (it was changed)");
                    if (anchor is not null && record.Sequence == anchor.Sequence && record.Hash != anchor.Hash)
                        return new(count, expected, "it is not the record the checkpoint sealed at this position (the chain was rewritten up to here)");
                    if (record.Action == AuditRecords.Timeline && Guid.TryParse(record.Subject, out var entry))
                        timelineRecords[entry] = (record.Sequence, record.Detail, record.EntryDigest);
                    previous = record.Hash;
                    expected++;
                    count++;
                }
            }
            if (anchor is not null && count < anchor.Sequence)
                return new(count, count + 1, count == 0
                    ? $"the chain is empty, but the checkpoint holds record {anchor.Sequence} (the audit tables were emptied or this is another database)"
                    : $"the chain ends at record {count}, but the checkpoint holds record {anchor.Sequence} (records were cut from the end, or this is an older copy of the database)");
            return await CheckTimelineAsync(timelineRecords, count, ct) ?? new AuditVerdict(count, null, null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidCastException or OverflowException)
        {
            // A value no record could hold (an instant or a kind that does not parse) was written behind the server.
            return new(count, count + 1, $"a row of the audit tables cannot be read as written by the server ({e.Message})");
        }
    }

    private async Task<AuditVerdict?> CheckTimelineAsync(Dictionary<Guid, (long Sequence, string Detail, string Digest)> records, long count, CancellationToken ct)
    {
        var seen = 0;
        await foreach (var entry in db.Timeline.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!records.TryGetValue(entry.Id, out var record))
                return new(count, 0, $"timeline entry {entry.Id} of incident {entry.IncidentId} has no audit record (it was inserted behind the chain, or its id was changed)");
            if (record.Detail != AuditRecords.TimelineDetail(entry) || record.Digest != AuditRecords.TimelineDigest(entry))
                return new(count, record.Sequence, $"timeline entry {entry.Id} was changed after it was recorded");
            seen++;
        }
        return seen == records.Count ? null : new AuditVerdict(count, 0, $"{records.Count - seen} timeline entr(y/ies) recorded in the chain are gone from the timeline");
    }
}
