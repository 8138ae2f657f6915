using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// Enters a new risk in a project's register: checks the fields (naming the broken one) before a number is taken,
/// then takes the project's next RISK number, links the incidents named and records it all in one transaction.
/// Concurrent entries each get their own number (<see cref="Counters"/>); a lost race is rerun, never refused.
/// </summary>
internal sealed class RecordRisk(FirebreakDbContext db, UnitOfWork unitOfWork, RiskRecords records, CurrentUser user, TimeProvider time)
{
    public Task<RiskEntry> ExecuteAsync(Project project, RiskInput input, CancellationToken ct) => ExecuteAsync(project, input, null, ct);

    /// <summary>As above, also linking <paramref name="incident"/> (an incident of the project, loaded by the caller's context).</summary>
    public Task<RiskEntry> ExecuteAsync(Project project, RiskInput input, Domain.Incidents.Incident? incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        var fields = input.ToNew(); // a refused entry costs no number
        return unitOfWork.RunAsync(async c =>
        {
            var incidents = await records.IncidentsAsync(project, input.Incidents ?? [], i => $"incidents[{i}]", c);
            if (incident is not null && incidents.All(i => i.Id != incident.Id))
                incidents.AddRange(await records.IncidentsAsync(project, [incident.Number], _ => "incident", c));
            var number = await db.NextAsync(project.Id, Counters.Risk, c);
            var entry = RiskEntry.Create(project.Id, checked((int)number), fields, user.Name, time.GetUtcNow());
            db.Add(entry);
            foreach (var linked in incidents) records.Link(entry, linked);
            records.Created(project, entry, "entered");
            return entry;
        }, ct);
    }
}
