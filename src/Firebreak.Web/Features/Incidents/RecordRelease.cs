using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// Records a release carrying the fix on an incident: the Domain checks every field (naming the broken one) and stops
/// the fix clock at the release's instant; one save. A release without an instant is taken as released now.
/// </summary>
internal sealed class RecordRelease(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<FixRelease> ExecuteAsync(Incident incident, ReleaseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var release = FixRelease.Create(request.Versions, request.ReleasedAt ?? now, request.Url, request.ProvenanceUrl, user.Name, now);
        incident.RecordRelease(release, user.Name, now);
        await db.SaveChangesAsync(ct);
        return release;
    }
}
