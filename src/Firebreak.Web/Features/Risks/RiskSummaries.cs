using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>One register entry in a line, for other features' pages.</summary>
[PublicFace]
internal sealed record RiskBrief(string Slug, string Id, string Title, string Status, int Rating, string Level, bool ReviewDue, DateOnly? AcceptedUntil);

/// <summary>The register's counts in a line, for other features' pages.</summary>
[PublicFace]
internal sealed record RegisterSummary(int Total, int Open, int Mitigated, int Accepted, int Transferred, int ReviewDue, int HighOrCritical);

/// <summary>
/// What other features show of the register (part of its public face): the entries naming an incident (the
/// incident page), the accepted risks whose review is due across the viewer's projects (the dashboard), and a
/// project's counts (the project's home). Visibility is the caller's: these read only projects the viewer sees.
/// </summary>
[PublicFace]
internal sealed class RiskSummaries(FirebreakDbContext db, ProjectAccess access, RiskQueries queries, TimeProvider time)
{
    public async Task<IReadOnlyList<RiskBrief>> ForIncidentAsync(Guid incidentId, CancellationToken ct)
    {
        var rows = await db.Set<RiskEntry>().Where(r => r.Incidents.Any(l => l.IncidentId == incidentId))
            .Join(access.VisibleProjects(), r => r.ProjectId, p => p.Id, (r, p) => new { Entry = r, p.Slug })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Entry.Number).Select(r => Brief(r.Entry, r.Slug))];
    }

    /// <summary>Accepted risks past their date in the projects the viewer sees, longest overdue first.</summary>
    public async Task<IReadOnlyList<RiskBrief>> DueForReviewAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await db.Set<RiskEntry>().Where(r => r.Status == RiskStatus.Accepted && r.AcceptedUntil < today)
            .Join(access.VisibleProjects(), r => r.ProjectId, p => p.Id, (r, p) => new { Entry = r, p.Slug })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Entry.AcceptedUntil).ThenBy(r => r.Slug, StringComparer.Ordinal).ThenBy(r => r.Entry.Number).Select(r => Brief(r.Entry, r.Slug))];
    }

    public Task<RegisterSummary> ForProjectAsync(Guid projectId, CancellationToken ct) => queries.CountsAsync(projectId, ct);

    private RiskBrief Brief(RiskEntry entry, string slug) =>
        new(slug, entry.Code.ToString(), entry.Title, entry.Fields.StatusText, entry.Rating, RiskScale.LevelOf(entry.Rating).ToWire(),
            entry.IsReviewDueAt(time.GetUtcNow()), entry.AcceptedUntil);
}
