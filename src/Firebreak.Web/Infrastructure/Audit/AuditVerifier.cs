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
/// against its record, so editing either table, deleting a row or reordering rows is found. It
/// reads in pages, so a long history does not have to fit in memory.
/// </summary>
internal sealed class AuditVerifier(FirebreakDbContext db)
{
    private const int Page = 2_000;

    public async Task<AuditVerdict> VerifyAsync(CancellationToken ct)
    {
        var previous = AuditRecord.Genesis;
        long expected = 1, count = 0;
        var timelineRecords = new Dictionary<Guid, (long Sequence, string Detail)>();
        while (true)
        {
            var page = await db.Set<AuditRecord>().AsNoTracking().Where(r => r.Sequence >= expected)
                .OrderBy(r => r.Sequence).Take(Page).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var record in page)
            {
                if (record.Sequence != expected) return new(count, expected, $"record {expected} is missing (next is {record.Sequence})");
                if (record.PreviousHash != previous) return new(count, expected, "it does not link to the record before it");
                if (record.ComputeHash() != record.Hash) return new(count, expected, "its content does not match its hash (it was changed)");
                if (record.Action == AuditRecords.Timeline && Guid.TryParse(record.Subject, out var entry)) timelineRecords[entry] = (record.Sequence, record.Detail);
                previous = record.Hash;
                expected++;
                count++;
            }
        }
        return await CheckTimelineAsync(timelineRecords, count, ct) ?? new AuditVerdict(count, null, null);
    }

    private async Task<AuditVerdict?> CheckTimelineAsync(Dictionary<Guid, (long Sequence, string Detail)> records, long count, CancellationToken ct)
    {
        var seen = 0;
        await foreach (var entry in db.Timeline.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!records.TryGetValue(entry.Id, out var record))
                return new(count, 0, $"timeline entry {entry.Id} of incident {entry.IncidentId} has no audit record (it was inserted behind the chain)");
            if (record.Detail != AuditRecords.TimelineDetail(entry))
                return new(count, record.Sequence, $"timeline entry {entry.Id} was changed after it was recorded");
            seen++;
        }
        return seen == records.Count ? null : new AuditVerdict(count, 0, $"{records.Count - seen} timeline entr(y/ies) recorded in the chain are gone from the timeline");
    }
}
