using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>An advisory as the public sees it, with its workflow row.</summary>
internal sealed record PublicAdvisory(AdvisoryPublication Publication, SecurityAdvisory Advisory)
{
    public DateTime PublicSince => Publication.PublishAt!.Value;

    public bool Withdrawn => Publication.State == AdvisoryState.Withdrawn;
}

/// <summary>
/// What every public surface (advisory pages, OSV feed, CSAF directory, thanks page) shows: the project's advisories
/// public at this instant, by one rule (<see cref="AdvisoryPublication.IsPublicAt"/>, here as a query), newest first.
/// An embargoed advisory is never read into a public response.
/// </summary>
internal sealed class PublicAdvisories(FirebreakDbContext db, TimeProvider time)
{
    public Task<Project?> ProjectAsync(string slug, CancellationToken ct) => db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    public async Task<IReadOnlyList<PublicAdvisory>> ListAsync(Guid projectId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Set<AdvisoryPublication>().AsNoTracking()
            .Where(a => a.ProjectId == projectId && (a.State == AdvisoryState.Published || a.State == AdvisoryState.Withdrawn
                || (a.State == AdvisoryState.Scheduled && a.PublishAt <= now)))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.IncidentId).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return [.. rows.Select(r => Render(r, incidents[r.IncidentId])).OrderByDescending(a => a.PublicSince).ThenBy(a => a.Advisory.Id, StringComparer.Ordinal)];
    }

    public async Task<PublicAdvisory?> FindAsync(Guid projectId, string advisoryId, CancellationToken ct) =>
        (await ListAsync(projectId, ct)).FirstOrDefault(a => string.Equals(a.Advisory.Id, advisoryId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The public rendition of a row (whether or not it is public yet: callers decide that).</summary>
    public static PublicAdvisory Render(AdvisoryPublication row, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(incident);
        var advisory = FirebreakAdvisoryJson.Read(row.Document);
        return new PublicAdvisory(row, row.PublicRendition(advisory, incident.Reporter, Facts(incident)));
    }

    /// <summary>The dates the incident itself knows: when it was reported, acknowledged and fixed.</summary>
    public static AdvisoryTimeline Facts(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var reported = incident.Reporter is not null || incident.Kind == IncidentKind.VulnerabilityReport
            ? new DateTimeOffset(DateTime.SpecifyKind(incident.OpenedAt, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        return new AdvisoryTimeline(Reported: reported, Acknowledged: incident.Clock(ClockKind.Acknowledgement)?.StoppedAt,
            Fixed: incident.Clock(ClockKind.Fix)?.StoppedAt);
    }
}
