using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>
/// What every step of the advisory's workflow does around its rule: load the incident through the
/// caller's visibility (null when they cannot see it), find its advisory, apply the domain rule,
/// record it in the timeline and save once. A broken rule is a <see cref="DomainException"/>
/// naming the field; nothing is written then.
/// </summary>
internal sealed class AdvisoryMoves(FirebreakDbContext db, ProjectAccess access, CurrentUser user, TimeProvider time, IncidentNotices notices)
{
    public const string NoAdvisory = "The incident has no advisory yet; write it first.";

    /// <summary>Who acts, as the timeline names them.</summary>
    public string Actor => user.Name;

    public Task<AdvisoryPublication?> FindAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<AdvisoryPublication>().SingleOrDefaultAsync(a => a.IncidentId == incidentId, ct);

    /// <summary>
    /// Applies <paramref name="move"/> (which returns the timeline's text) to the incident's advisory; <paramref name="tell"/>
    /// says who hears of it, in the same save.
    /// </summary>
    public async Task<AdvisoryPublication?> ApplyAsync(Guid incidentId, Func<AdvisoryPublication, Incident, DateTimeOffset, string> move, CancellationToken ct,
        Func<IncidentNotices, Project, Incident, AdvisoryPublication, Task>? tell = null)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var row = await FindAsync(incidentId, ct) ?? throw new DomainException(NoAdvisory);
        var now = time.GetUtcNow();
        incident.RecordAdvisory(move(row, incident, now), user.Name, now);
        if (tell is not null) await tell(notices, await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct), incident, row);
        await SaveAsync(ct);
        return row;
    }

    /// <summary>Applies <paramref name="change"/> to the incident itself, under its project's policy.</summary>
    public async Task<Incident?> ChangeIncidentAsync(Guid incidentId, Action<Incident, SecurityPolicy, DateTimeOffset> change, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(incidentId, withTimeline: false, ct) is not { } incident) return null;
        var policy = await db.Projects.Where(p => p.Id == incident.ProjectId).Select(p => p.Policy).SingleAsync(ct);
        change(incident, policy, time.GetUtcNow());
        await SaveAsync(ct);
        return incident;
    }

    /// <summary>Saves; an advisory id another incident of the project took at the same moment is the caller's rule broken, not a race.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e) && db.ChangeTracker.Entries<AdvisoryPublication>().Any(a => a.State == EntityState.Added))
        {
            throw new DomainException("id: another advisory in this project has this id.");
        }
    }
}
