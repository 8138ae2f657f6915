using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Metrics;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Settings;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Metrics;

/// <summary>
/// Reads what the metrics are computed from: each incident's event instants (opening, clocks, closing), its action
/// items' clocks, and for incidents carrying CVE aliases the details entries that recorded them. Nothing is summed in
/// SQL: the domain recomputes every figure (<see cref="ResponseMetrics"/>, <see cref="CnaReadiness"/>).
/// </summary>
[PublicFace]
internal sealed class MetricsQueries(FirebreakDbContext db, TimeProvider time)
{
    /// <summary>The response metrics of one project, or of every project when <paramref name="projectId"/> is null.</summary>
    public async Task<ResponseMetrics> MetricsAsync(Guid? projectId, MetricsPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var start = period.Start.UtcDateTime;
        var end = period.End.UtcDateTime;
        var incidents = db.Incidents.Where(i => i.OpenedAt >= start && i.OpenedAt < end);
        if (projectId is { } id) incidents = incidents.Where(i => i.ProjectId == id);
        return ResponseMetrics.Compute(await LoadAsync(incidents, ct), period, now);
    }

    /// <summary>The median acknowledgement and fix times of the last twelve months, for the public policy line (null where nothing stopped).</summary>
    public async Task<(TimeSpan? Acknowledgement, TimeSpan? Fix, int Incidents)> PublicTimesAsync(Guid projectId, CancellationToken ct)
    {
        var metrics = await MetricsAsync(projectId, MetricsPeriod.LastYear(time.GetUtcNow()), ct);
        return (metrics.Of(ClockKind.Acknowledgement).All.Median, metrics.Of(ClockKind.Fix).All.Median, metrics.Incidents);
    }

    /// <summary>The CNA-readiness report of a project: its whole history, its contact surfaces, the application's fields.</summary>
    public async Task<(CnaReadiness Report, CnaApplication Application)> CnaAsync(Project project, string baseUrl, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var history = await LoadAsync(db.Incidents.Where(i => i.ProjectId == project.Id), ct);
        var accepting = (await db.Set<IntakeSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ProjectId == project.Id, ct))?.Accepting ?? true;
        var published = await db.Set<AdvisoryPublication>().Where(a => a.ProjectId == project.Id).Where(AdvisoryPublication.PublicAt(now)).CountAsync(ct);
        var contacts = project.SecurityContacts.Where(c => SecurityTxt.ContactUri(c) is not null).ToList();
        var report = CnaReadiness.Measure(history, new CnaContactFacts(contacts, accepting, published), now);
        return (report, CnaApplication.Prepare(project.Name, project.Slug, project.Packages, project.SecurityContacts, baseUrl));
    }

    private async Task<List<MetricsIncident>> LoadAsync(IQueryable<Incident> query, CancellationToken ct)
    {
        var incidents = await query.AsNoTracking().ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var items = (await db.Set<ActionItem>().AsNoTracking().Where(a => ids.Contains(a.IncidentId)).ToListAsync(ct)).ToLookup(a => a.IncidentId);
        var withCves = incidents.Where(i => i.Details.Identifiers.Any(id => CveId.TryParse(id, out _))).Select(i => i.Id).ToList();
        // The details entries that recorded CVE aliases, and the stage changes that carry triage verdicts.
        var entries = await db.Set<TimelineEntry>().AsNoTracking()
            .Where(t => ids.Contains(t.IncidentId) && (t.Kind == TimelineKind.StageChanged || (t.Kind == TimelineKind.DetailsChanged && withCves.Contains(t.IncidentId))))
            .ToListAsync(ct);
        var byIncident = entries.OrderBy(t => t.Sequence).ToLookup(t => t.IncidentId);
        return [.. incidents.Select(i => new MetricsIncident(i.Id, i.ProjectId, i.Number, i.Kind, i.Severity, i.Source, i.Stage,
            i.OpenedAt.AsInstant(), i.ClosedAt?.AsInstant(), [.. i.Clocks, .. items[i.Id].Select(a => a.Clock)],
            MetricsIncident.CvesFrom(i.Details.Identifiers, byIncident[i.Id].Where(t => t.Kind == TimelineKind.DetailsChanged).Select(t => (t.At.AsInstant(), t.Text)),
                i.OpenedAt.AsInstant()))
        {
            RecordedVerdict = MetricsIncident.VerdictFrom(byIncident[i.Id].Where(t => t.Kind == TimelineKind.StageChanged).Select(t => t.Text)),
        })];
    }
}
