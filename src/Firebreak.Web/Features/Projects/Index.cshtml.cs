using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

[RequiresPermission(Permission.SignedIn)]
internal sealed class ProjectsModel(ProjectAccess access) : PageModel
{
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Projects = await access.VisibleProjects().OrderBy(p => p.Name).ToListAsync(ct);
}
