using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Projects;

/// <summary>A project as the API shows it.</summary>
internal sealed record ProjectJson(Guid Id, string Slug, string Name, string? RepositoryUrl,
    IReadOnlyList<string> SecurityContacts, PolicyDocument Policy, DateTime CreatedAt, IReadOnlyList<string> Packages, Guid? CveOrgId)
{
    public static ProjectJson From(Project p) =>
        new(p.Id, p.Slug, p.Name, p.RepositoryUrl, p.SecurityContacts, PolicyDocument.From(p.Policy), p.CreatedAt, p.Packages, p.CveOrgId);
}

/// <summary>Body of <c>POST /api/v1/projects</c>.</summary>
internal sealed record CreateProjectRequest(string? Slug, string? Name, string? RepositoryUrl, IReadOnlyList<string>? SecurityContacts);

/// <summary>Body of <c>POST /api/v1/projects/{slug}/members</c>.</summary>
/// <summary>Adds an account to a project with a role (admin, triage-owner, reviewer, release-engineer, incident-manager, board); an existing member's role changes.</summary>
internal sealed record AddMemberRequest(string? Email, string? Role = null);
