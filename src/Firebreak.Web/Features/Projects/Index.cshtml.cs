using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>The projects the viewer sees, one page at a time by name (<c>p</c>, <c>pageSize</c>); a bad value is named and the first page shown.</summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class ProjectsModel(ProjectAccess access) : PageModel
{
    public IReadOnlyList<Project> Projects => List.Items;
    public Paged<Project> List { get; private set; } = new([], 0, 1, Paging.DefaultLimit);

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refused = ModelState.ErrorCount;
        var paging = this.AskedPage(PageNumber, PageSize);
        // Names need not be unique: the slug, which is, makes the order total so that pages neither overlap nor skip.
        List = await access.VisibleProjects().AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Slug).ToPagedAsync(paging, ct);
        if (ModelState.ErrorCount > refused) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Dictionary<string, string> RouteAt(int page) => PagerView.Route(page, List.Limit);
}
