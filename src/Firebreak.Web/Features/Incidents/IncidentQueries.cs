using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

internal sealed record IncidentFilter(IncidentStage? Stage, Severity? Severity, IncidentKind? Kind, bool? Breached);

/// <summary>Reads incidents for the API and the pages, through the visibility check.</summary>
internal sealed class IncidentQueries(ProjectAccess access, FirebreakDbContext db, TimeProvider time, PlaybookLibrary library)
{
    public async Task<IncidentJson[]> ListAsync(Project project, IncidentFilter filter, CancellationToken ct)
    {
        var query = access.VisibleIncidents().Where(i => i.ProjectId == project.Id);
        if (filter.Stage is { } stage) query = query.Where(i => i.Stage == stage);
        if (filter.Severity is { } severity) query = query.Where(i => i.Severity == severity);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        var now = time.GetUtcNow();
        var incidents = await query.OrderBy(i => i.Number).ToListAsync(ct);
        return [.. incidents
            .Where(i => filter.Breached is not { } b || (i.WorstClockStateAt(now) == ClockState.Breached) == b)
            .Select(i => IncidentJson.From(i, project.Slug, library.Catalog, now))];
    }

    public async Task<IncidentJson?> GetAsync(Guid id, CancellationToken ct)
    {
        var incident = await access.FindIncidentAsync(id, withTimeline: false, ct);
        if (incident is null) return null;
        // A collaborator sees the incident but not the rest of its project; the project's slug is no secret to them.
        var slug = await db.Projects.Where(p => p.Id == incident.ProjectId).Select(p => p.Slug).SingleAsync(ct);
        return IncidentJson.From(incident, slug, library.Catalog, time.GetUtcNow());
    }

    /// <summary>Open incidents across visible projects, nearest running deadline first; breached ones lead.</summary>
    public async Task<IReadOnlyList<(Incident Incident, string Slug)>> OpenAcrossProjectsAsync(CancellationToken ct)
    {
        var closed = new[] { IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate };
        var rows = await access.VisibleIncidents().Where(i => !closed.Contains(i.Stage))
            .Join(db.Projects, i => i.ProjectId, p => p.Id, (i, p) => new { Incident = i, p.Slug })
            .ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.Incident.NearestRunningClock?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Incident.Severity)
            .Select(r => (r.Incident, r.Slug))];
    }
}
