using Firebreak.Domain.Metrics;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Metrics;

/// <summary>The CNA-readiness report: the runbook's triggers, met or not yet and why, their evidence, and the application's fields.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class CnaReadinessPageModel(ProjectAccess access, MetricsQueries queries, PublicUrl urls) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public Project Project { get; private set; } = null!;
    public CnaReadiness Report { get; private set; } = null!;
    public CnaApplication Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        Project = project;
        (Report, Application) = await queries.CnaAsync(project, urls.For(Request), ct);
        return Page();
    }
}
