using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Projects;

/// <summary>
/// Replaces a project's policy, from its settings page or the API. A role holder newly named must be a member of the
/// project (by sign-in address or user name): a name nobody signs in with would leave the role's steps and notices
/// with nobody. Holders already named stay valid even if they have since left, so that saving other settings never
/// fails on them; the incident pages show such a role as falling to the members holding it. Audited.
/// </summary>
internal sealed class ChangePolicy(FirebreakDbContext db, Audience audience, AuditTrail audit, CurrentUser actor)
{
    public async Task ExecuteAsync(Project project, SecurityPolicy policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(policy);
        Roster? roster = null; // read once, and only when a holder is newly named
        foreach (var (role, holder) in policy.RoleHolders)
        {
            if (project.Policy.RoleHolders.TryGetValue(role, out var before) && string.Equals(before, holder, StringComparison.Ordinal)) continue;
            if ((roster ??= await audience.RosterAsync(project.Id, null, ct)).Named(holder) is null)
                throw new DomainException($"roleHolders.{role}: '{Excerpt.Clip(holder, 60)}' is not a member of this project; add them as a member first, then name them by their sign-in address.");
        }
        project.ChangePolicy(policy);
        audit.Record(actor.Name, "project-policy", $"project {project.Slug}",
            $"roles added: {(policy.AddedRoles.IsEmpty ? "none" : string.Join(", ", policy.AddedRoles.Select(r => r.Role)))}; holders: {(policy.RoleHolders.IsEmpty ? "none" : string.Join(", ", policy.RoleHolders.Select(h => $"{h.Key} = {h.Value}")))}");
        await db.SaveChangesAsync(ct);
    }
}
