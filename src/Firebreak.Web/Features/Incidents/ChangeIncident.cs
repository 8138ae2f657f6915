using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// Applies a partial change to an incident in one transaction: text, details, severity and
/// user-safety class (re-triage), assignments, stage, and a note. An empty string clears the
/// user-safety class or an assignment; an absent field leaves it as it is.
/// </summary>
internal sealed class ChangeIncident(FirebreakDbContext db, CurrentUser user, TimeProvider time, Audience audience)
{
    public async Task ExecuteAsync(Incident incident, PatchIncidentRequest patch, CancellationToken ct)
    {
        var project = await db.Projects.FindAsync([incident.ProjectId], ct)
            ?? throw new InvalidOperationException($"Incident {incident.Id} has no project.");
        var now = time.GetUtcNow();
        var actor = user.Name;

        if (patch.Title is not null || patch.Summary is not null)
            incident.Rename(patch.Title ?? incident.Title, patch.Summary ?? incident.Summary, actor, now);
        if (patch.Details is not null) incident.UpdateDetails(patch.Details.ToDetails(), actor, now);
        if (patch.Severity is not null || patch.UserSafetyClass is not null)
        {
            var severity = patch.Severity is null ? incident.RequestedSeverity : WireNames.Parse<Severity>(patch.Severity, "severity");
            var userSafety = patch.UserSafetyClass is null ? incident.UserSafetyClass
                : patch.UserSafetyClass.Length == 0 ? null : patch.UserSafetyClass;
            incident.Retriage(severity, userSafety, project.Policy, actor, now);
        }
        Roster? roster = null; // read once, and only when an assignment names someone new
        foreach (var (name, person) in patch.Assignments ?? new Dictionary<string, string?>())
        {
            var role = Role.Parse(name, "assignments");
            if (!project.Policy.Roles.Contains(role) && incident.Assignments.All(a => a.Role != role))
                throw new DomainException($"assignments: '{role}' is not a role of this project; its roles are {string.Join(", ", project.Policy.Roles)}.");
            var unchanged = string.Equals(person?.Trim(), incident.Assignments.FirstOrDefault(a => a.Role == role)?.Person, StringComparison.Ordinal);
            if (!string.IsNullOrWhiteSpace(person) && !unchanged && (roster ??= await audience.RosterAsync(project.Id, incident.Id, ct)).Named(person) is null)
                throw new DomainException($"assignments.{role}: '{Clip(person)}' is neither a member of this project nor a collaborator on this incident; name a person by their sign-in address or user name.");
            incident.Assign(role, person, actor, now);
        }
        if (patch.Stage is not null)
        {
            var stage = WireNames.Parse<IncidentStage>(patch.Stage, "stage");
            if (stage == IncidentStage.Closed && !incident.IsClosed)
                throw new DomainException($"stage: incident #{incident.Number} closes through its close (POST /api/v1/incidents/{incident.Id}/close, or the Close page), which settles every unfinished step, the post-mortem and open action items.");
            if (stage == IncidentStage.Duplicate && patch.DuplicateOf is { } original)
            {
                var other = await db.Incidents.FindAsync([original], ct);
                if (other is null || other.ProjectId != incident.ProjectId)
                    throw new DomainException($"Incident {original} is not an incident of this project.");
            }
            incident.MoveTo(stage, actor, now, patch.StageReason, patch.DuplicateOf, project.Policy);
        }
        if (!string.IsNullOrWhiteSpace(patch.Note)) incident.AddNote(patch.Note, actor, now);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text) => Excerpt.Clip(text, 60);
}
