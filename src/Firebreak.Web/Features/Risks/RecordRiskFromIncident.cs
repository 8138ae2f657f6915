using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// "Add to the risk register" from an incident, in one step: with no <c>existing</c> id a new entry is entered from
/// <see cref="RiskInput"/> and names the incident; with one, that entry takes the fields given (the rest kept) and
/// names the incident too. The incident's timeline says so and the audit chain records the change. Part of the
/// feature's public face: the incident page uses it now and a post-mortem's "update the register" calls it.
/// </summary>
[PublicFace]
internal sealed class RecordRiskFromIncident(FirebreakDbContext db, RecordRisk record, ChangeRisk change)
{
    public async Task<RiskEntry> ExecuteAsync(Project project, Incident incident, string? existing, RiskInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(input);
        if (incident.ProjectId != project.Id) throw new DomainException($"incident: #{incident.Number} is not an incident of project {project.Slug}.");
        if (string.IsNullOrWhiteSpace(existing)) return await record.ExecuteAsync(project, input, incident, ct);
        var id = RiskId.Parse(existing.Trim(), "risk");
        var entry = await db.Set<RiskEntry>().SingleOrDefaultAsync(r => r.ProjectId == project.Id && r.Number == id.Number, ct)
            ?? throw new DomainException($"risk: {id} is not in the register of project {project.Slug}.");
        await change.ExecuteAsync(project, entry, input, incident, ct);
        return entry;
    }
}
