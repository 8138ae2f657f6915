using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// The one way an incident opens, whatever its source: it takes the project's next number, applies
/// the severity rule, starts the clocks and the playbook, and writes the first timeline entry, all
/// in one transaction with whatever the source adds alongside (<c>alongside</c>: a report's private
/// link and mail, the watch's advisory link). Concurrent openings each get their own number; a
/// lost race is retried from scratch (so <c>alongside</c> may run more than once and must read
/// what it needs inside), and the caller is never refused for it. An opening that names its
/// vulnerability (<see cref="IncidentOpening.Aliases"/>) opens at most one incident per
/// vulnerability and project (<see cref="OpenOrFindAsync"/>). Whoever triages in the project is told, in the same save.
/// </summary>
[PublicFace]
internal sealed class OpenIncident(FirebreakDbContext db, UnitOfWork unitOfWork, TimeProvider time, PlaybookLibrary playbooks,
    Notifications.IncidentNotices notices)
{
    public Task<Incident> ExecuteAsync(Project project, IncidentOpening opening, CancellationToken ct) =>
        ExecuteAsync(project, opening, null, ct);

    public Task<Incident> ExecuteAsync(Project project, IncidentOpening opening, Func<Incident, CancellationToken, Task>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(opening);
        var playbook = PlaybookFor(opening);
        // Checked before a number is taken: a refused opening costs nothing.
        _ = Build(project, opening, playbook, number: 1);
        return unitOfWork.RunAsync(c => AddAsync(project, opening, playbook, alongside, c), ct);
    }

    /// <summary>
    /// Opens the incident unless one of the opening's aliases already names an incident of the
    /// project; then that incident also takes the opening's other aliases, and nothing is opened
    /// (<see cref="OpeningResult.Opened"/> is null, <c>alongside</c> is not called).
    /// </summary>
    public Task<OpeningResult> OpenOrFindAsync(Project project, IncidentOpening opening, Func<Incident, CancellationToken, Task>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(opening);
        var playbook = PlaybookFor(opening);
        _ = Build(project, opening, playbook, number: 1);
        var aliases = opening.Aliases.Select(IncidentAlias.Normalise).Where(a => a.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal).ToList();
        return unitOfWork.RunAsync(async c =>
        {
            // Aliases added earlier in this unit of work (a manifest whose two copies of a package hit one advisory) are not
            // in the database yet: without them the second opening would open a second incident, and its save would fail.
            var known = db.TrackedWhere<IncidentAlias>(a => a.ProjectId == project.Id && aliases.Contains(a.Alias))
                .Concat(await db.Set<IncidentAlias>().Where(a => a.ProjectId == project.Id && aliases.Contains(a.Alias)).ToListAsync(c))
                .DistinctBy(a => a.Alias).ToList();
            if (known.Count > 0)
            {
                var existing = known[0].IncidentId;
                foreach (var alias in aliases.Except(known.Select(k => k.Alias))) db.Add(new IncidentAlias(project.Id, alias, existing, time.GetUtcNow()));
                return new OpeningResult(existing, null);
            }
            var incident = await AddAsync(project, opening, playbook, alongside, c);
            return new OpeningResult(incident.Id, incident);
        }, ct);
    }

    private async Task<Incident> AddAsync(Project project, IncidentOpening opening, Domain.Playbooks.PlaybookDefinition? playbook,
        Func<Incident, CancellationToken, Task>? alongside, CancellationToken ct)
    {
        var number = await db.NextAsync(project.Id, Counters.Incident, ct);
        var incident = Build(project, opening, playbook, checked((int)number));
        db.Incidents.Add(incident);
        foreach (var alias in opening.Aliases.Select(IncidentAlias.Normalise).Where(a => a.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal))
            db.Add(new IncidentAlias(project.Id, alias, incident.Id, time.GetUtcNow()));
        if (alongside is not null) await alongside(incident, ct);
        await notices.OpenedAsync(project, incident, opening.Actor, ct);
        return incident;
    }

    /// <summary>Throws the <see cref="Domain.Common.DomainException"/> the opening would meet, without opening anything.</summary>
    public void Check(Project project, IncidentOpening opening)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(opening);
        _ = Build(project, opening, PlaybookFor(opening), number: 1);
    }

    private Domain.Playbooks.PlaybookDefinition? PlaybookFor(IncidentOpening opening) =>
        opening.Playbook ?? playbooks.Catalog.DefaultFor(opening.Kind, !string.IsNullOrWhiteSpace(opening.UserSafetyClass));

    private Incident Build(Project project, IncidentOpening opening, Domain.Playbooks.PlaybookDefinition? playbook, int number)
    {
        var now = time.GetUtcNow();
        var incident = Incident.Open(project.Id, number, opening.Kind, opening.Title, opening.Summary, opening.Severity,
            string.IsNullOrWhiteSpace(opening.UserSafetyClass) ? null : opening.UserSafetyClass, opening.Reporter, project.Policy, opening.Actor, now,
            opening.Source);
        if (opening.Details is { } details) incident.UpdateDetails(details, opening.Actor, now);
        if (playbook is not null) incident.StartPlaybook(playbook, opening.Actor, now);
        return incident;
    }
}
