using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>What one delivery came to, in a sentence, and the incident it concerns.</summary>
internal sealed record HookVerdict(HookOutcome Outcome, string Verdict, Guid? IncidentId = null)
{
    public static HookVerdict Ignored(string why) => new(HookOutcome.Ignored, why);
}

/// <summary>
/// The two things a delivery does to incidents, shared by every event: open one through <see cref="OpenIncident"/>
/// (or land on the one its aliases already name, saying so on its timeline), and write later news on the timeline of
/// the incident an alias names. Runs inside the delivery's unit of work.
/// </summary>
internal sealed class IncidentNews(FirebreakDbContext db, OpenIncident open, FindIncident find, TimeProvider time)
{
    /// <summary>Opens the incident, or records <paramref name="news"/> on the one that exists and returns it.</summary>
    public async Task<(HookVerdict Verdict, Incident? Existing)> OpenOrJoinAsync(Project project, IncidentOpening opening, string news, CancellationToken ct)
    {
        var result = await open.OpenOrFindAsync(project, opening, null, ct);
        if (result.Opened is { } incident)
        {
            return (new HookVerdict(HookOutcome.Opened, $"Opened #{incident.Number}, {incident.Kind.ToWire()} ({incident.Severity.ToWire()}).", incident.Id), null);
        }
        var existing = await db.Incidents.SingleAsync(i => i.Id == result.IncidentId, ct);
        existing.AddNote(news, opening.Actor, time.GetUtcNow());
        return (new HookVerdict(HookOutcome.Joined, $"Already #{existing.Number}; recorded on its timeline.", existing.Id), existing);
    }

    /// <summary>Records the news on the incident one of the aliases names; ignored (saying so) when none does.</summary>
    public async Task<HookVerdict> RecordAsync(Project project, IEnumerable<string> aliases, string news, string actor, CancellationToken ct)
    {
        var names = aliases.ToList();
        if (await find.ExecuteAsync(project.Id, names, ct) is not { } id)
            return HookVerdict.Ignored($"No incident of this project is about {string.Join(", ", names)}; nothing to record.");
        var incident = await db.Incidents.SingleAsync(i => i.Id == id, ct);
        incident.AddNote(news, actor, time.GetUtcNow());
        return new HookVerdict(HookOutcome.Recorded, $"Recorded on #{incident.Number}.", incident.Id);
    }
}
