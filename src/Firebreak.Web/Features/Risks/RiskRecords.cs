using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// What every write to the register does besides the change itself: incidents named by number are found in the
/// project (or the number is refused, naming where it was given), a link made or dropped is written on the
/// incident's timeline, and each change becomes an audit record (action <c>risk</c>, subject <c>risk {id}</c>) in
/// the same save, so the entry's history is the audit chain's.
/// </summary>
internal sealed class RiskRecords(FirebreakDbContext db, AuditTrail audit, CurrentUser user, TimeProvider time)
{
    public const string Action = "risk";

    public static string Subject(RiskEntry entry) => $"risk {entry.Id}";

    /// <summary>The project's incidents with these numbers, in the given order; <paramref name="where"/> names each number's place in errors.</summary>
    public async Task<List<Incident>> IncidentsAsync(Project project, IReadOnlyList<int> numbers, Func<int, string> where, CancellationToken ct)
    {
        var wanted = numbers.Distinct().ToList();
        var found = await db.Incidents.Where(i => i.ProjectId == project.Id && wanted.Contains(i.Number)).ToDictionaryAsync(i => i.Number, ct);
        for (var i = 0; i < numbers.Count; i++)
            if (!found.ContainsKey(numbers[i])) throw new DomainException($"{where(i)}: #{numbers[i]} is not an incident of project {project.Slug}.");
        return [.. wanted.Select(n => found[n])];
    }

    /// <summary>Makes the entry name exactly these incidents; returns the change as "+#4, −#2" (empty: none).</summary>
    public async Task<string> SetLinksAsync(RiskEntry entry, IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        var added = incidents.Where(i => Link(entry, i)).Select(i => $"+#{i.Number}").ToList();
        var removed = await UnlinkOthersAsync(entry, incidents, ct);
        return string.Join(", ", added.Concat(removed));
    }

    /// <summary>Makes the entry name this incident too; false if it did already.</summary>
    public bool Link(RiskEntry entry, Incident incident)
    {
        var now = time.GetUtcNow();
        if (!entry.Link(incident.Id, incident.Number, user.Name, now)) return false;
        incident.RecordRiskLink(entry.Code.ToString(), linked: true, user.Name, now);
        return true;
    }

    private async Task<List<string>> UnlinkOthersAsync(RiskEntry entry, IReadOnlyList<Incident> keep, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var dropped = entry.Incidents.Where(l => keep.All(i => i.Id != l.IncidentId)).ToList();
        foreach (var link in dropped)
        {
            entry.Unlink(link.IncidentId, user.Name, now);
            // The incident is loaded for its timeline entry; it exists (the link's key refers to it).
            var incident = await db.Incidents.FindAsync([link.IncidentId], ct) ?? throw new InvalidOperationException($"Risk link to missing incident {link.IncidentId}.");
            incident.RecordRiskLink(entry.Code.ToString(), linked: false, user.Name, now);
        }
        return [.. dropped.Select(l => $"−#{l.Number}")];
    }

    /// <summary>Adds the audit record of a new entry.</summary>
    public void Created(Project project, RiskEntry entry, string how)
    {
        var f = entry.Fields;
        var incidents = entry.Incidents.Count == 0 ? "" : "; incidents " + string.Join(", ", entry.Incidents.Select(l => $"#{l.Number}"));
        audit.Record(user.Name, Action, Subject(entry),
            $"{entry.Code} in {project.Slug} {how}: {f.StatusText}; {f.CategoryLetters}; likelihood {f.Likelihood} × impact {f.Impact} = {f.Rating} ({f.Level.ToWire()}){incidents}");
    }

    /// <summary>Adds the audit record of a change (nothing when nothing changed); true when something did.</summary>
    public bool Changed(Project project, RiskEntry entry, IReadOnlyList<string> changes, string links, string how)
    {
        var all = changes.ToList();
        if (links.Length > 0) all.Add("incidents " + links);
        if (all.Count == 0) return false;
        audit.Record(user.Name, Action, Subject(entry), $"{entry.Code} in {project.Slug} {how}: {string.Join("; ", all)}");
        return true;
    }
}
