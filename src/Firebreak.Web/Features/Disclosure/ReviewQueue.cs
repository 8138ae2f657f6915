using Firebreak.Domain.Disclosure;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>One advisory someone asked to have reviewed.</summary>
[PublicFace]
internal sealed record WaitingReview(Guid IncidentId, string ProjectSlug, int IncidentNumber, string AdvisoryId, int Version, string RequestedBy, DateTime RequestedAt);

/// <summary>
/// "Waiting for your review": the advisories in review, in the caller's projects, that the caller may approve (they
/// hold the review permission there and neither saved this version nor asked for its review), oldest request
/// first. Part of the feature's public face: the dashboard shows it.
/// </summary>
[PublicFace]
internal sealed class ReviewQueue(FirebreakDbContext db, ProjectAccess access, CurrentUser user)
{
    public async Task<IReadOnlyList<WaitingReview>> WaitingForMeAsync(CancellationToken ct)
    {
        var projects = access.VisibleProjects();
        var rows = await db.Set<AdvisoryPublication>().AsNoTracking()
            .Where(a => a.State == AdvisoryState.InReview)
            .Join(projects, a => a.ProjectId, p => p.Id, (a, p) => new { Row = a, p.Slug })
            .Join(db.Incidents, x => x.Row.IncidentId, i => i.Id, (x, i) => new { x.Row, x.Slug, i.Number, Incident = i })
            .ToListAsync(ct);
        var waiting = new List<WaitingReview>();
        foreach (var x in rows.OrderBy(x => x.Row.ReviewRequestedAt))
        {
            if (x.Row.WhyNotApprover(user.Name) is not null || !await access.HasAsync(x.Incident, Permission.Review, ct)) continue;
            waiting.Add(new WaitingReview(x.Row.IncidentId, x.Slug, x.Number, x.Row.AdvisoryId, x.Row.Version, x.Row.ReviewRequestedBy ?? x.Row.UpdatedBy,
                x.Row.ReviewRequestedAt ?? x.Row.UpdatedAt));
        }
        return waiting;
    }
}
