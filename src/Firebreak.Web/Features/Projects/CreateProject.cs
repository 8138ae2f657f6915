using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>Registers a project with the default policy; its creator becomes a member.</summary>
internal sealed class CreateProject(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<Project> ExecuteAsync(CreateProjectRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var project = Project.Create(request.Slug ?? "", request.Name ?? "", request.RepositoryUrl, request.SecurityContacts ?? [], now);
        if (await db.Projects.AnyAsync(p => p.Slug == project.Slug, ct))
            throw new DomainException($"A project with the slug '{project.Slug}' already exists.");
        db.Projects.Add(project);
        db.ProjectMembers.Add(new ProjectMember(project.Id, user.Id, AccessRole.Admin, now));
        await db.SaveChangesAsync(ct);
        return project;
    }
}
