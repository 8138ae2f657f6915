using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// The object-level check: which projects and incidents the current user may see and change.
/// Administrators see every project; others see the projects they are members of. Anything not
/// visible is reported as not found, so outsiders cannot tell it exists.
/// </summary>
internal sealed class ProjectAccess(FirebreakDbContext db, CurrentUser user)
{
    public IQueryable<Project> VisibleProjects()
    {
        if (user.IsAdmin) return db.Projects;
        var id = user.Id;
        return db.Projects.Where(p => db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == id));
    }

    public Task<Project?> FindProjectAsync(string slug, CancellationToken ct) =>
        VisibleProjects().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    public IQueryable<Incident> VisibleIncidents()
    {
        var projects = VisibleProjects().Select(p => p.Id);
        return db.Incidents.Where(i => projects.Contains(i.ProjectId));
    }

    /// <summary>The incident if visible, with its timeline when asked (for showing or appending).</summary>
    public Task<Incident?> FindIncidentAsync(Guid id, bool withTimeline, CancellationToken ct)
    {
        var query = VisibleIncidents().Where(i => i.Id == id);
        if (withTimeline) query = query.Include(i => i.Timeline);
        return query.SingleOrDefaultAsync(ct);
    }
}
