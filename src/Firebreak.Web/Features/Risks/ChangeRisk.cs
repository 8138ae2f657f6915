using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// Changes a register entry: the fields given replace the entry's (<see cref="RiskInput.ApplyTo"/>), <c>incidents</c>
/// replaces its links, and <c>alsoLink</c> adds one more. One save with its audit record and the timeline
/// entries of the incidents linked or unlinked; a change that changes nothing records nothing.
/// </summary>
internal sealed class ChangeRisk(FirebreakDbContext db, RiskRecords records, CurrentUser user, TimeProvider time)
{
    public async Task<bool> ExecuteAsync(Project project, RiskEntry entry, RiskInput input, Domain.Incidents.Incident? alsoLink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(input);
        var fields = input.ApplyTo(entry.Fields);
        var links = "";
        if (input.Incidents is { } numbers)
        {
            var incidents = await records.IncidentsAsync(project, numbers, i => $"incidents[{i}]", ct);
            if (alsoLink is not null && incidents.All(i => i.Id != alsoLink.Id)) incidents.Add(alsoLink);
            links = await records.SetLinksAsync(entry, incidents, ct);
        }
        else if (alsoLink is not null && records.Link(entry, alsoLink)) links = $"+#{alsoLink.Number}";
        var changes = entry.Change(fields, user.Name, time.GetUtcNow());
        var changed = records.Changed(project, entry, changes, links, "changed");
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
