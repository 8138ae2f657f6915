using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Tests.Authorization;

/// <summary>
/// The role table as the issue states it, written here again, independently of the server's copy,
/// so the matrix tests check the server against the specification rather than against itself.
/// </summary>
internal static class RoleSpec
{
    public static readonly Dictionary<string, Permission[]> Roles = new()
    {
        ["admin"] = [Permission.ProjectRead, Permission.ProjectAdmin, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead, Permission.IncidentWork,
            Permission.IncidentTriage, Permission.ReporterCorrespond, Permission.Review, Permission.Publish],
        ["triage-owner"] = [Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead, Permission.IncidentWork,
            Permission.IncidentTriage, Permission.ReporterCorrespond],
        ["incident-manager"] = [Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentOpen, Permission.IncidentRead, Permission.IncidentWork,
            Permission.IncidentTriage, Permission.ReporterCorrespond, Permission.Review, Permission.Publish],
        ["release-engineer"] = [Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentRead, Permission.IncidentWork, Permission.Publish],
        ["reviewer"] = [Permission.ProjectRead, Permission.ProjectWork, Permission.IncidentRead, Permission.IncidentWork, Permission.Review],
        // The board writes one thing: its sign-off of a post-mortem (the foundation plan's stage 4).
        ["board"] = [Permission.ProjectRead, Permission.IncidentRead, Permission.PostMortemSignOff],
    };

    public static readonly Permission[] Collaborator = [Permission.IncidentRead, Permission.IncidentWork];

    /// <summary>0 when the caller is let through; otherwise the status of the refusal (404 to outsiders, 403 to members).</summary>
    public static int Expect(Permission permission, bool instanceAdmin, string? role, bool collaborator) => permission switch
    {
        _ when instanceAdmin => 0,
        Permission.SignedIn => 0,
        Permission.InstanceAdmin => 403,
        Permission.ProjectRead or Permission.ProjectAdmin or Permission.ProjectWork or Permission.IncidentOpen => role is null ? 404 : Roles[role].Contains(permission) ? 0 : 403,
        _ => role is not null ? (Roles[role].Contains(permission) ? 0 : 403)
            : collaborator ? (Collaborator.Contains(permission) ? 0 : 403)
            : 404,
    };
}
