using System.Linq.Expressions;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// Reads the dashboard: the open incidents the viewer may see, filtered; how many there are per stage and severity, and how
/// many are breached or at risk now; and one page of them nearest deadline first with only the columns a row shows.
/// Nothing here loads or counts every incident: the counts per stage and severity are read from the counts kept per project
/// (<see cref="OpenIncidentCount"/>, a few rows per project), the breached and at-risk counts are ranges of an index that
/// begins with the instant (what they count, not what exists), and the page is read in deadline order over an index. Only the
/// "mine" filter, which asks about each incident's assignments, counts incidents one by one.
/// </summary>
internal sealed class DashboardQueries(ProjectAccess access, FirebreakDbContext db, CurrentUser user)
{
    private static readonly IncidentStage[] Ended = OpenIncidentCounts.Ended;

    /// <summary>The page, or null when <see cref="DashboardFilter.Project"/> names no project the viewer sees.</summary>
    public async Task<DashboardPage?> PageAsync(DashboardFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Narrow(access.VisibleIncidents().Where(i => !Ended.Contains(i.Stage)), filter, i => i.Severity, i => i.Kind);
        var projects = access.VisibleProjects().Select(p => p.Id);
        // An instance administrator sees every project, so nothing reaches them through collaboration alone: not asked.
        var collaborations = user.IsAdmin ? null
            : Narrow(access.CollaborationsOutsideVisibleProjects().Where(i => !Ended.Contains(i.Stage)), filter, i => i.Severity, i => i.Kind);
        if (filter.Project is { } slug)
        {
            var project = await access.VisibleProjects().Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            if (project is not { } id) return null;
            query = query.Where(i => i.ProjectId == id);
            projects = projects.Where(p => p == id);
            collaborations = collaborations?.Where(i => i.ProjectId == id);
        }
        var kept = Narrow(db.Set<OpenIncidentCount>().Where(c => c.Open > 0 && projects.Contains(c.ProjectId)), filter, c => c.Severity, c => c.Kind);
        if (filter.Mine) query = await MineAsync(query, ct);

        var groups = filter.Mine
            ? await CountOneByOneAsync(query, ct)
            : [.. await kept.GroupBy(c => new { c.Stage, c.Severity }).Select(g => new StageSeverity(g.Key.Stage, g.Key.Severity, g.Sum(c => c.Open))).ToListAsync(ct),
               .. collaborations is null ? [] : await CountOneByOneAsync(collaborations, ct)];
        var counts = groups.GroupBy(g => (g.Stage, g.Severity))
            .Select(g => new DashboardCount(g.Key.Stage, g.Key.Severity, g.Sum(c => c.Open)))
            .OrderBy(c => c.Stage).ThenBy(c => c.Severity).ToList();
        var at = now.UtcDateTime;
        var (breached, atRisk) = filter.Mine
            ? await StatesOneByOneAsync(query, at, ct)
            : Add(await KeptStatesAsync(projects, filter, at, ct), collaborations is null ? (0, 0) : await StatesOneByOneAsync(collaborations, at, ct));

        var skip = (filter.Page - 1) * filter.PageSize;
        // (NextDueAt, Number, Id) is exactly an index's order, so the page's rows are read off it and nothing is sorted.
        var rows = await query.OrderBy(i => i.NextDueAt).ThenBy(i => i.Number).ThenBy(i => i.Id).Skip(skip).Take(filter.PageSize)
            .Join(db.Projects, i => i.ProjectId, p => p.Id, (i, p) => new
            {
                i.Id, i.Number, i.Title, p.Slug, i.Kind, i.Severity, i.UserSafetyClass, i.Stage, i.ActivelyExploited, i.NextDueAt,
                Clocks = i.ClockRecords.Select(c => new { c.Kind, c.StartedAt, c.DueAt, c.StoppedAt }).ToList(),
            })
            .AsNoTracking().ToListAsync(ct);
        var page = rows.OrderBy(r => r.NextDueAt).ThenBy(r => r.Number).ThenBy(r => r.Id)
            .Select(r => new DashboardRow(r.Id, r.Number, r.Title, r.Slug, r.Kind, r.Severity, r.UserSafetyClass, r.Stage, r.ActivelyExploited,
                [.. r.Clocks.OrderBy(c => c.Kind).Select(c => new ClockRecordView(c.Kind, c.StartedAt, c.DueAt, c.StoppedAt).ToClock())]))
            .ToList();
        return new DashboardPage(page, counts, breached, atRisk, filter.Page, filter.PageSize);
    }

    private sealed record StageSeverity(IncidentStage Stage, Severity Severity, int Open);

    /// <summary>
    /// <paramref name="source"/> narrowed to the filter's severity and kind, whatever it lists (incidents, or the counts kept of
    /// them per severity and kind): one place says what the two filters mean for every query of the page.
    /// </summary>
    private static IQueryable<T> Narrow<T>(IQueryable<T> source, DashboardFilter filter, Expression<Func<T, Severity>> severityOf, Expression<Func<T, IncidentKind>> kindOf)
    {
        if (filter.Severity is { } severity) source = source.Where(Is(severityOf, severity));
        if (filter.Kind is { } kind) source = source.Where(Is(kindOf, kind));
        return source;
    }

    private static Expression<Func<T, bool>> Is<T, TValue>(Expression<Func<T, TValue>> of, TValue value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(of.Body, Expression.Constant(value, typeof(TValue))), of.Parameters);

    private static (int Breached, int AtRisk) Add((int Breached, int AtRisk) a, (int Breached, int AtRisk) b) => (a.Breached + b.Breached, a.AtRisk + b.AtRisk);

    /// <summary>Breached and at risk at <paramref name="at"/>, counted over the incidents themselves: for the few seen through collaboration, and for "mine".</summary>
    private static async Task<(int Breached, int AtRisk)> StatesOneByOneAsync(IQueryable<Incident> incidents, DateTime at, CancellationToken ct) =>
        (await incidents.CountAsync(i => i.BreachAt <= at, ct), await incidents.CountAsync(i => i.AtRiskAt <= at && (i.BreachAt == null || i.BreachAt > at), ct));

    /// <summary>
    /// Breached and at risk at <paramref name="at"/> over the open incidents of <paramref name="projects"/>: the kept day counts of
    /// every day before <paramref name="at"/>'s own, plus that day's incidents counted one by one over the deadline indexes. At
    /// risk is "at risk or breached by then" (<see cref="Incident.AtRiskFrom"/>) less "breached by then, with a clock running".
    /// </summary>
    private async Task<(int Breached, int AtRisk)> KeptStatesAsync(IQueryable<Guid> projects, DashboardFilter filter, DateTime at, CancellationToken ct)
    {
        var today = OpenIncidentCounts.DayOf(at);
        var midnight = at.Date;
        var days = Narrow(db.Set<OpenIncidentDay>().Where(d => projects.Contains(d.ProjectId) && d.Day.CompareTo(today) < 0), filter, d => d.Severity, d => d.Kind);
        var incidents = Narrow(db.Incidents.Where(i => !Ended.Contains(i.Stage) && projects.Contains(i.ProjectId)), filter, i => i.Severity, i => i.Kind);
        var before = (await days.GroupBy(d => d.Event).Select(g => new { Event = g.Key, Open = g.Sum(d => d.Open) }).ToListAsync(ct))
            .ToDictionary(e => e.Event, e => e.Open, StringComparer.Ordinal);
        var breachedToday = incidents.Where(i => i.BreachAt >= midnight && i.BreachAt <= at);
        var breached = before.GetValueOrDefault(DeadlineEvent.Breach) + before.GetValueOrDefault(DeadlineEvent.BreachRunning) + await breachedToday.CountAsync(ct);
        var risked = before.GetValueOrDefault(DeadlineEvent.Risk) + await incidents.CountAsync(i => i.AtRiskFrom >= midnight && i.AtRiskFrom <= at, ct);
        var breachedRunning = before.GetValueOrDefault(DeadlineEvent.BreachRunning) + await breachedToday.CountAsync(i => i.AtRiskFrom != null, ct);
        return (breached, risked - breachedRunning);
    }

    /// <summary>Counts the incidents themselves per stage and severity: for the few seen through collaboration, and for "mine".</summary>
    private static async Task<List<StageSeverity>> CountOneByOneAsync(IQueryable<Incident> incidents, CancellationToken ct) =>
        await incidents.GroupBy(i => new { i.Stage, i.Severity }).Select(g => new StageSeverity(g.Key.Stage, g.Key.Severity, g.Count())).ToListAsync(ct);

    /// <summary>
    /// The viewer's incidents: a role on it is assigned to their e-mail or user name (as written, in lower or in upper case), or an open action item on it is theirs.
    /// </summary>
    private async Task<IQueryable<Incident>> MineAsync(IQueryable<Incident> query, CancellationToken ct)
    {
        var me = user.Id;
        var account = await db.Users.Where(u => u.Id == me).Select(u => new { u.Email, u.UserName }).SingleOrDefaultAsync(ct);
        // The assignee is free text; it is matched as written, all lower case or all upper case (a case-blind comparison in SQL
        // would differ between the databases and defeat their indexes).
        var names = new[] { account?.Email, account?.UserName }.OfType<string>()
            .SelectMany(n => new[] { n, n.ToLowerInvariant(), n.ToUpperInvariant() }).Distinct(StringComparer.Ordinal).ToList();
        return query.Where(i => i.Assignments.Any(a => names.Contains(a.Person))
            || db.Set<ActionItem>().Any(a => a.IncidentId == i.Id && a.OwnerId == me && a.Status == ActionItemStatus.Open));
    }

    private readonly record struct ClockRecordView(ClockKind Kind, DateTime StartedAt, DateTime DueAt, DateTime? StoppedAt)
    {
        public SlaClock ToClock() => new(Kind, Domain.Common.UtcInstants.AsInstant(StartedAt), Domain.Common.UtcInstants.AsInstant(DueAt),
            StoppedAt is { } s ? Domain.Common.UtcInstants.AsInstant(s) : null);
    }
}
