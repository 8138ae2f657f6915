using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>What is due: every manifest not yet checked against the current advisory index, or not checked for a day.</summary>
internal sealed class CheckDueManifests(FirebreakDbContext db, CheckManifest check, AdvisoryLibrary library, TimeProvider time)
{
    /// <summary>Checks what is due; returns how many manifests were checked.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        if (library.Current() is not var (_, _, stamp)) return 0;
        var now = time.GetUtcNow();
        var dayAgo = now.UtcDateTime.AddDays(-1);
        var due = await db.Set<WatchedManifest>()
            .Where(m => m.CheckedIndexStamp != stamp || m.LastCheckedAt == null || m.LastCheckedAt <= dayAgo)
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<WatchedManifest>().SingleOrDefaultAsync(m => m.Id == id, ct) is { } manifest && manifest.IsDue(stamp, now))
                await check.ExecuteAsync(manifest.Id, ct);
        }
        return due.Count;
    }
}
