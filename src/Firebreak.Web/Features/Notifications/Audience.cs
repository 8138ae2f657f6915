using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Notifications;

/// <summary>An account that can be told something: its id, and the address its e-mail goes to.</summary>
[PublicFace]
internal sealed record Person(string UserId, string? Email);

/// <summary>
/// Who holds a role for an incident, as accounts: the person assigned the role on the incident, else the person the
/// project's policy names for it, else every member whose project role is that role; for the triage owner and the
/// incident manager, the project's admins when nobody else holds it (someone must hear). Only members of the project
/// and the incident's collaborators are ever named: a name that matches no such account is not told, since telling an
/// outsider would disclose the incident.
/// </summary>
[PublicFace]
internal sealed class Audience(FirebreakDbContext db)
{
    public async Task<IReadOnlyList<Person>> HoldersAsync(Project project, Incident? incident, IEnumerable<Role> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var members = await MembersAsync(project.Id, incident?.Id, ct);
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var role in roles.Distinct())
        {
            foreach (var person in Holders(project, incident, role, members)) found.TryAdd(person.UserId, person);
        }
        return [.. found.Values];
    }

    /// <summary>For each role, who it falls to for the incident (as <see cref="HoldersAsync"/> decides), from one read of the members.</summary>
    public async Task<IReadOnlyDictionary<Role, IReadOnlyList<Person>>> HoldersByRoleAsync(Project project, Incident? incident, IEnumerable<Role> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var members = await MembersAsync(project.Id, incident?.Id, ct);
        return roles.Distinct().ToDictionary(r => r, r => (IReadOnlyList<Person>)[.. Holders(project, incident, r, members)]);
    }

    /// <summary>The project's members and the incident's collaborators, by address: the people a role can be given to.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(Guid projectId, Guid? incidentId, CancellationToken ct) =>
        [.. (await MembersAsync(projectId, incidentId, ct)).Select(m => m.Person).Where(p => p.Email is not null).OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The members who hold <paramref name="permission"/> in the project (admins of the instance excepted: they are not members).</summary>
    public async Task<IReadOnlyList<Person>> WithPermissionAsync(Guid projectId, Permission permission, CancellationToken ct)
    {
        var members = await MembersAsync(projectId, null, ct);
        return [.. members.Where(m => m.Role is { } r && PermissionTable.Allows(r, permission)).Select(m => m.Person)];
    }

    /// <summary>The e-mail addresses of the project's member accounts (compared without case).</summary>
    public async Task<IReadOnlySet<string>> MemberEmailsAsync(Guid projectId, CancellationToken ct) =>
        (await MembersAsync(projectId, null, ct)).Select(m => m.Person.Email).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The member or collaborator whose sign-in name (e-mail) or user name is <paramref name="name"/>, if any.</summary>
    public async Task<Person?> NamedAsync(Guid projectId, Guid? incidentId, string? name, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(name) ? null : Match(await MembersAsync(projectId, incidentId, ct), name);

    /// <summary>The member with account id <paramref name="userId"/>, if they still are one.</summary>
    public async Task<Person?> MemberAsync(Guid projectId, Guid? incidentId, string userId, CancellationToken ct) =>
        (await MembersAsync(projectId, incidentId, ct)).FirstOrDefault(m => m.Person.UserId == userId)?.Person;

    private static IEnumerable<Person> Holders(Project project, Incident? incident, Role role, IReadOnlyList<Member> members)
    {
        if (incident?.Assignments.FirstOrDefault(a => a.Role == role) is { } assigned && Match(members, assigned.Person) is { } assignee) return [assignee];
        if (project.Policy.RoleHolders.TryGetValue(role, out var holder) && Match(members, holder) is { } named) return [named];
        // A role the project added (or a custom playbook names) that nobody holds falls to the incident manager, who finds someone.
        if (role.Access is not { } access) return Holders(project, incident, Role.IncidentManager, members);
        var holding = members.Where(m => m.Role == access).Select(m => m.Person).ToList();
        if (holding.Count > 0 || access is not (AccessRole.TriageOwner or AccessRole.IncidentManager)) return holding;
        return members.Where(m => m.Role == AccessRole.Admin).Select(m => m.Person);
    }

    private static Person? Match(IReadOnlyList<Member> members, string name)
    {
        var wanted = name.Trim();
        return members.FirstOrDefault(m => string.Equals(m.Person.Email, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.UserName, wanted, StringComparison.OrdinalIgnoreCase))?.Person;
    }

    private async Task<IReadOnlyList<Member>> MembersAsync(Guid projectId, Guid? incidentId, CancellationToken ct)
    {
        var members = await db.ProjectMembers.Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.UserName, m.Role })
            .ToListAsync(ct);
        var result = members.Select(m => new Member(new Person(m.Id, m.Email), m.UserName, m.Role)).ToList();
        if (incidentId is { } incident)
        {
            var collaborators = await db.Set<IncidentCollaborator>().Where(c => c.IncidentId == incident)
                .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.Email, u.UserName })
                .ToListAsync(ct);
            result.AddRange(collaborators.Where(c => result.All(m => m.Person.UserId != c.Id)).Select(c => new Member(new Person(c.Id, c.Email), c.UserName, null)));
        }
        return result;
    }

    private sealed record Member(Person Person, string? UserName, AccessRole? Role);
}
