using System.Collections.Frozen;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The one authorisation table: which project role holds which permission. Incident
/// collaborators (invited to one incident, need-to-know) hold <see cref="Collaborator"/> on that
/// incident only; instance administrators hold every permission everywhere.
/// </summary>
internal static class PermissionTable
{
    private static readonly FrozenDictionary<AccessRole, FrozenSet<Permission>> Roles = new Dictionary<AccessRole, FrozenSet<Permission>>
    {
        [AccessRole.Admin] = Of(Permission.ProjectRead, Permission.ProjectAdmin, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead,
            Permission.IncidentWork, Permission.IncidentTriage, Permission.ReporterCorrespond, Permission.Review, Permission.Publish),
        [AccessRole.TriageOwner] = Of(Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead, Permission.IncidentWork,
            Permission.IncidentTriage, Permission.ReporterCorrespond),
        [AccessRole.IncidentManager] = Of(Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead, Permission.IncidentWork,
            Permission.IncidentTriage, Permission.ReporterCorrespond, Permission.Review, Permission.Publish),
        [AccessRole.ReleaseEngineer] = Of(Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentRead, Permission.IncidentWork, Permission.Publish),
        [AccessRole.Reviewer] = Of(Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentRead, Permission.IncidentWork, Permission.Review),
        // The board reads and changes nothing, except that it signs post-mortems off (the foundation plan's stage 4).
        [AccessRole.Board] = Of(Permission.ProjectRead, Permission.IncidentRead, Permission.PostMortemSignOff),
    }.ToFrozenDictionary();

    /// <summary>What a collaborator holds on the one incident they were invited to.</summary>
    public static readonly FrozenSet<Permission> Collaborator = Of(Permission.IncidentRead, Permission.IncidentWork);

    public static bool Allows(AccessRole role, Permission permission) => Roles[role].Contains(permission);

    /// <summary>The object a permission is checked on.</summary>
    public static PermissionScope ScopeOf(Permission permission) => permission switch
    {
        Permission.SignedIn or Permission.InstanceAdmin => PermissionScope.None,
        Permission.ProjectRead or Permission.ProjectAdmin or Permission.ProjectWork or Permission.IncidentOpen => PermissionScope.Project,
        Permission.IncidentRead or Permission.IncidentWork or Permission.IncidentTriage or Permission.ReporterCorrespond
            or Permission.Review or Permission.Publish or Permission.PostMortemSignOff => PermissionScope.Incident,
    };

    private static FrozenSet<Permission> Of(params Permission[] permissions) => permissions.ToFrozenSet();
}

/// <summary>The object a permission is checked on.</summary>
internal enum PermissionScope
{
    None,
    Project,
    Incident,
}
