using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>How many manifests a project watches, and how many of them ship (part of the feature's public face: the project's home page).</summary>
[PublicFace]
internal sealed record WatchCounts(int Manifests, int OnReleasePath);

/// <summary>Counts a project's watched manifests for pages outside this feature.</summary>
[PublicFace]
internal sealed class WatchSummary(FirebreakDbContext db)
{
    public async Task<WatchCounts> ForProjectAsync(Guid projectId, CancellationToken ct)
    {
        var shipping = await db.Set<WatchedManifest>().Where(m => m.ProjectId == projectId).Select(m => m.OnReleasePath).ToListAsync(ct);
        return new(shipping.Count, shipping.Count(s => s));
    }
}
