using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>An advisory as the public sees it, with its workflow row (part of the feature's public face, like the list).</summary>
[PublicFace]
internal sealed record PublicAdvisory(AdvisoryPublication Publication, SecurityAdvisory Advisory)
{
    public DateTime PublicSince => Publication.PublishAt!.Value;

    public bool Withdrawn => Publication.State == AdvisoryState.Withdrawn;
}

/// <summary>
/// What every public surface (advisory pages, OSV feed, CSAF directory, thanks page) shows: the project's advisories
/// public at this instant, by one rule (<see cref="AdvisoryPublication.IsPublicAt"/>, here as a query), newest first.
/// An embargoed advisory is never read into a public response. Part of the feature's public face: a project's home page
/// lists the same advisories, by the same rule.
/// </summary>
[PublicFace]
internal sealed class PublicAdvisories(FirebreakDbContext db, TimeProvider time)
{
    public Task<Project?> ProjectAsync(string slug, CancellationToken ct) => db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>The project's own OSV database, when it has set a prefix.</summary>
    public async Task<OsvDatabasePrefix?> OsvDatabaseAsync(Guid projectId, CancellationToken ct) =>
        (await db.Set<DisclosureSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == projectId, ct))?.OsvDatabase;

    public Task<IReadOnlyList<PublicAdvisory>> ListAsync(Guid projectId, CancellationToken ct) =>
        RenderAsync(db.Set<AdvisoryPublication>().Where(a => a.ProjectId == projectId), ct);

    /// <summary>
    /// One page of the project's public advisories, newest first, read and rendered one page at a time: the order is the list's
    /// (publication instant, then advisory id, fixed once public; the row id makes it total) decided in SQL, so only the page's
    /// documents and incidents are loaded.
    /// </summary>
    public async Task<Paged<PublicAdvisory>> PageAsync(Guid projectId, Paging paging, CancellationToken ct)
    {
        var rows = await db.Set<AdvisoryPublication>().AsNoTracking().Where(a => a.ProjectId == projectId).Where(AdvisoryPublication.PublicAt(time.GetUtcNow()))
            .OrderByDescending(a => a.PublishAt).ThenBy(a => a.AdvisoryId).ThenBy(a => a.IncidentId).ToPagedAsync(paging, ct);
        var ids = rows.Items.Select(r => r.IncidentId).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return rows.Select(r => Render(r, incidents[r.IncidentId]));
    }

    /// <summary>One public advisory by its id (case-insensitive), or null while it is embargoed or unknown.</summary>
    public async Task<PublicAdvisory?> FindAsync(Guid projectId, string advisoryId, CancellationToken ct)
    {
        var id = advisoryId.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(), which has no culture to choose
        var found = await RenderAsync(db.Set<AdvisoryPublication>().Where(a => a.ProjectId == projectId && a.AdvisoryId.ToUpper() == id), ct);
#pragma warning restore CA1304, CA1311, CA1862
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>
    /// The incident's advisory as it went public, with the project's CNA organisation: what its CVE record carries. Null
    /// while it is embargoed, or once withdrawn (a withdrawn advisory's record is not published).
    /// </summary>
    public async Task<SecurityAdvisory?> ForCveRecordAsync(Project project, Incident incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        var row = await db.Set<AdvisoryPublication>().AsNoTracking().Where(a => a.IncidentId == incident.Id)
            .Where(AdvisoryPublication.PublicAt(time.GetUtcNow())).SingleOrDefaultAsync(ct);
        return row is null || row.State == AdvisoryState.Withdrawn ? null : AdvisoryExporter.WithProjectCna(Render(row, incident).Advisory, project);
    }

    private async Task<IReadOnlyList<PublicAdvisory>> RenderAsync(IQueryable<AdvisoryPublication> candidates, CancellationToken ct)
    {
        var rows = await candidates.Where(AdvisoryPublication.PublicAt(time.GetUtcNow())).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.IncidentId).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return [.. rows.Select(r => Render(r, incidents[r.IncidentId])).OrderByDescending(a => a.PublicSince).ThenBy(a => a.Advisory.Id, StringComparer.Ordinal)];
    }

    /// <summary>The public rendition of a row (whether or not it is public yet: callers decide that).</summary>
    public static PublicAdvisory Render(AdvisoryPublication row, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(incident);
        var advisory = FirebreakAdvisoryJson.Read(row.Document);
        return new PublicAdvisory(row, row.PublicRendition(advisory, incident.Reporter, Facts(incident), incident.ReleasedVersions));
    }

    /// <summary>
    /// The dates the incident itself knows: when it was reported, acknowledged and fixed. Fixed is the first recorded
    /// fix release; without one, when the fix clock stopped (a playbook step that marked the fix released).
    /// </summary>
    public static AdvisoryTimeline Facts(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var reported = incident.Reporter is not null || incident.Kind == IncidentKind.VulnerabilityReport
            ? incident.OpenedAt.AsInstant() : (DateTimeOffset?)null;
        return new AdvisoryTimeline(Reported: reported, Acknowledged: incident.Clock(ClockKind.Acknowledgement)?.StoppedAt,
            Fixed: incident.FixedAt ?? incident.Clock(ClockKind.Fix)?.StoppedAt);
    }
}
