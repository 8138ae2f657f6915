using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Archive;

/// <summary>"Download every incident" on the project's settings page: the project archive, for its administrators.</summary>
[RequiresPermission(Permission.ProjectAdmin)]
internal sealed class ProjectRecordPageModel(ProjectAccess access, ProjectArchive archive, AuditTrail audit, CurrentUser user, PublicUrl urls) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        await audit.RecordNowAsync(user.Name, ArchiveActions.ProjectArchive, $"project {project.Slug}", "downloaded the record of every incident", ct);
        return File(await archive.WriteAsync(project, urls.For(Request), ct), ArchiveApi.ZipType, ProjectArchive.FileName(project));
    }
}
