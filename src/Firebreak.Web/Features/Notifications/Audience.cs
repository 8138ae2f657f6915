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
internal sealed class Audience(FirebreakDbContext db, BatchReads batchReads)
{
    public async Task<IReadOnlyList<Person>> HoldersAsync(Project project, Incident? incident, IEnumerable<Role> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        return (await RosterAsync(project.Id, incident?.Id, ct)).HoldersOf(project, incident, roles);
    }

    /// <summary>The members who hold <paramref name="permission"/> in the project (admins of the instance excepted: they are not members).</summary>
    public async Task<IReadOnlyList<Person>> WithPermissionAsync(Guid projectId, Permission permission, CancellationToken ct) =>
        (await RosterAsync(projectId, null, ct)).WithPermission(permission);

    /// <summary>The e-mail addresses of the project's member accounts (compared without case).</summary>
    public async Task<IReadOnlySet<string>> MemberEmailsAsync(Guid projectId, CancellationToken ct) =>
        (await RosterAsync(projectId, null, ct)).Everyone.Select(p => p.Email).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The member with account id <paramref name="userId"/>, if they still are one.</summary>
    public async Task<Person?> MemberAsync(Guid projectId, Guid? incidentId, string userId, CancellationToken ct) =>
        (await RosterAsync(projectId, incidentId, ct)).Everyone.FirstOrDefault(p => p.UserId == userId);

    /// <summary>
    /// The project's members and, given an incident, its collaborators, read once: a caller that names, checks or
    /// looks up several people (a patch of assignments, a page of role holders) asks the roster, not the database.
    /// </summary>
    public async Task<Roster> RosterAsync(Guid projectId, Guid? incidentId, CancellationToken ct)
    {
        var members = await batchReads.GetAsync($"members:{projectId}", () => db.ProjectMembers.Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.UserName, m.Role })
            .ToListAsync(ct));
        var result = members.Select(m => new Roster.Member(new Person(m.Id, m.Email), m.UserName, m.Role)).ToList();
        // An incident this unit of work is adding has no collaborators yet.
        if (incidentId is { } incident && !db.IsIncidentAddedHere(incident))
        {
            var collaborators = await db.Set<IncidentCollaborator>().Where(c => c.IncidentId == incident)
                .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.Email, u.UserName })
                .ToListAsync(ct);
            result.AddRange(collaborators.Where(c => result.All(m => m.Person.UserId != c.Id)).Select(c => new Roster.Member(new Person(c.Id, c.Email), c.UserName, null)));
        }
        return new Roster(result);
    }
}

/// <summary>One read of a project's members (and an incident's collaborators): who can be named, and who holds a role.</summary>
[PublicFace]
internal sealed class Roster
{
    private readonly IReadOnlyList<Member> members;

    internal Roster(IReadOnlyList<Member> members) => this.members = members;

    /// <summary>Everyone on the roster, in the order read.</summary>
    public IEnumerable<Person> Everyone => members.Select(m => m.Person);

    /// <summary>The people a role can be given to: everyone with an address, by address.</summary>
    public IReadOnlyList<Person> Assignable =>
        [.. Everyone.Where(p => p.Email is not null).OrderBy(p => p.Email, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The member or collaborator whose sign-in name (e-mail) or user name is <paramref name="name"/>, if any.</summary>
    public Person? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var wanted = name.Trim();
        return members.FirstOrDefault(m => string.Equals(m.Person.Email, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.UserName, wanted, StringComparison.OrdinalIgnoreCase))?.Person;
    }

    /// <summary>Everyone who holds any of <paramref name="roles"/> for the incident, each once.</summary>
    public IReadOnlyList<Person> HoldersOf(Project project, Incident? incident, IEnumerable<Role> roles)
    {
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var role in roles.Distinct())
        {
            foreach (var person in Holders(project, incident, role)) found.TryAdd(person.UserId, person);
        }
        return [.. found.Values];
    }

    /// <summary>For each role, who it falls to for the incident.</summary>
    public IReadOnlyDictionary<Role, IReadOnlyList<Person>> HoldersByRole(Project project, Incident? incident, IEnumerable<Role> roles) =>
        roles.Distinct().ToDictionary(r => r, r => (IReadOnlyList<Person>)[.. Holders(project, incident, r)]);

    /// <summary>The members whose project role grants <paramref name="permission"/>.</summary>
    public IReadOnlyList<Person> WithPermission(Permission permission) =>
        [.. members.Where(m => m.Role is { } r && PermissionTable.Allows(r, permission)).Select(m => m.Person)];

    private IEnumerable<Person> Holders(Project project, Incident? incident, Role role)
    {
        if (incident?.Assignments.FirstOrDefault(a => a.Role == role) is { } assigned && Named(assigned.Person) is { } assignee) return [assignee];
        if (project.Policy.RoleHolders.TryGetValue(role, out var holder) && Named(holder) is { } named) return [named];
        // A role the project added (or a custom playbook names) that nobody holds falls to the incident manager, who finds someone.
        if (role.Access is not { } access) return Holders(project, incident, Role.IncidentManager);
        var holding = members.Where(m => m.Role == access).Select(m => m.Person).ToList();
        if (holding.Count > 0 || access is not (AccessRole.TriageOwner or AccessRole.IncidentManager)) return holding;
        return members.Where(m => m.Role == AccessRole.Admin).Select(m => m.Person);
    }

    internal sealed record Member(Person Person, string? UserName, AccessRole? Role);
}
