using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The object-level check. Instance administrators hold every permission; members hold their
/// project role's permissions (<see cref="PermissionTable"/>) on the project and its incidents;
/// collaborators hold the collaborator permissions on their one incident. To anyone else an
/// object does not exist: they get "not found", never "forbidden", so they cannot learn it is there.
/// On a read (GET or HEAD), which changes no membership, the facts the checks rest on (a project's id by
/// slug, an incident's project, the user's role in a project, whether they collaborate on an incident) are
/// asked of the database once per request: a page checking five permissions asks each fact once.
/// </summary>
internal sealed class ProjectAccess(FirebreakDbContext db, CurrentUser user, IHttpContextAccessor accessor)
{
    private readonly Dictionary<string, Guid?> _projectBySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Guid?> _projectOfIncident = [];
    private readonly Dictionary<Guid, AccessRole?> _roles = [];
    private readonly Dictionary<Guid, bool> _collaborates = [];

    /// <summary>Whether answers may be kept for the rest of the request: a read changes no membership.</summary>
    private bool Remembers => accessor.HttpContext?.Request.Method is { } method && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));

    private async Task<T> OnceAsync<TKey, T>(Dictionary<TKey, T> known, TKey key, Func<Task<T>> ask) where TKey : notnull
    {
        if (!Remembers) return await ask();
        if (known.TryGetValue(key, out var value)) return value;
        return known[key] = await ask();
    }

    public IQueryable<Project> VisibleProjects()
    {
        if (user.IsAdmin) return db.Projects;
        var id = user.Id;
        var members = db.Projects.Where(p => db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == id));
        return user.TokenProject is { } scope ? members.Where(p => p.Id == scope) : members;
    }

    public Task<Project?> FindProjectAsync(string slug, CancellationToken ct) =>
        VisibleProjects().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    public IQueryable<Incident> VisibleIncidents()
    {
        if (user.IsAdmin) return db.Incidents;
        var id = user.Id;
        var projects = VisibleProjects().Select(p => p.Id);
        var incidents = db.Incidents.Where(i => projects.Contains(i.ProjectId)
            || db.Set<IncidentCollaborator>().Any(c => c.IncidentId == i.Id && c.UserId == id));
        return user.TokenProject is { } scope ? incidents.Where(i => i.ProjectId == scope) : incidents;
    }

    /// <summary>
    /// The incidents the viewer sees only because they collaborate on them, outside every project they see whole (none for
    /// an administrator): with <see cref="VisibleProjects"/> it splits <see cref="VisibleIncidents"/> into whole projects and a
    /// few single incidents, so what is kept per project (the open counts) can answer for the first part.
    /// </summary>
    public IQueryable<Incident> CollaborationsOutsideVisibleProjects()
    {
        if (user.IsAdmin) return db.Incidents.Where(i => false);
        var id = user.Id;
        var projects = VisibleProjects().Select(p => p.Id);
        var incidents = db.Set<IncidentCollaborator>().Where(c => c.UserId == id)
            .Join(db.Incidents, c => c.IncidentId, i => i.Id, (c, i) => i)
            .Where(i => !projects.Contains(i.ProjectId));
        return user.TokenProject is { } scope ? incidents.Where(i => i.ProjectId == scope) : incidents;
    }

    /// <summary>The incident if visible, with its timeline when asked (for showing or appending).</summary>
    public Task<Incident?> FindIncidentAsync(Guid id, bool withTimeline, CancellationToken ct)
    {
        var query = VisibleIncidents().Where(i => i.Id == id);
        if (withTimeline) query = query.Include(i => i.Timeline);
        return query.SingleOrDefaultAsync(ct);
    }

    /// <summary>The incident an action item belongs to, or null when there is no such item (checked like the incident itself).</summary>
    public Task<Guid?> IncidentOfActionItemAsync(Guid itemId, CancellationToken ct) =>
        db.Set<ActionItem>().Where(a => a.Id == itemId).Select(a => (Guid?)a.IncidentId).SingleOrDefaultAsync(ct);

    public async Task<AccessDecision> CheckProjectAsync(string? slug, Permission permission, CancellationToken ct)
    {
        var project = slug is null ? null
            : await OnceAsync(_projectBySlug, slug, () => db.Projects.Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct));
        if (project is null || OutsideTokenScope(project.Value)) return AccessDecision.NotFound;
        if (user.IsAdmin) return AccessDecision.Allowed;
        var role = await RoleInAsync(project.Value, ct);
        return role is null ? AccessDecision.NotFound
            : PermissionTable.Allows(role.Value, permission) && TokenAllows(permission) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    public async Task<AccessDecision> CheckIncidentAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var project = await OnceAsync(_projectOfIncident, id, () => db.Incidents.Where(i => i.Id == id).Select(i => (Guid?)i.ProjectId).SingleOrDefaultAsync(ct));
        if (project is null || OutsideTokenScope(project.Value)) return AccessDecision.NotFound;
        if (user.IsAdmin) return AccessDecision.Allowed;
        var role = await RoleInAsync(project.Value, ct);
        var userId = user.Id;
        var collaborator = await OnceAsync(_collaborates, id, () => db.Set<IncidentCollaborator>().AnyAsync(c => c.IncidentId == id && c.UserId == userId, ct));
        if (role is null && !collaborator) return AccessDecision.NotFound;
        var allowed = (role is { } r && PermissionTable.Allows(r, permission)) || (collaborator && PermissionTable.Collaborator.Contains(permission));
        return allowed && TokenAllows(permission) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    // A scoped API token sees only its project, and only what its role allows as well as the account's.
    private bool OutsideTokenScope(Guid project) => user.TokenProject is { } scope && scope != project;

    private bool TokenAllows(Permission permission) => user.TokenRole is not { } role || PermissionTable.Allows(role, permission);

    /// <summary>For pages deciding which controls to show; the filters decide what is allowed.</summary>
    public async Task<bool> HasAsync(Incident incident, Permission permission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return await CheckIncidentAsync(incident.Id, permission, ct) == AccessDecision.Allowed;
    }

    public Task<AccessRole?> RoleInAsync(Guid projectId, CancellationToken ct)
    {
        var id = user.Id;
        return OnceAsync(_roles, projectId, () => db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == id).Select(m => (AccessRole?)m.Role).SingleOrDefaultAsync(ct));
    }
}

/// <summary>The outcome of a permission check.</summary>
internal enum AccessDecision
{
    /// <summary>The caller may not know the object exists.</summary>
    NotFound,
    /// <summary>The caller sees the object but may not do this to it.</summary>
    Forbidden,
    Allowed,
}
