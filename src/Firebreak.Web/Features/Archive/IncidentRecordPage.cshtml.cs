using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// "Download the record" on the incident page: the same signed ZIP as <c>GET /api/v1/incidents/{id}/archive</c>, for
/// the signed-in browser (a plain link, no script). IncidentWork, as the API: it holds internal messages and the audit trail.
/// </summary>
[RequiresPermission(Permission.IncidentWork)]
internal sealed class IncidentRecordPageModel(ProjectAccess access, FirebreakDbContext db, IncidentBundle bundle, AuditTrail audit, CurrentUser user,
    PublicUrl urls) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await audit.RecordNowAsync(user.Name, ArchiveActions.IncidentArchive, $"incident {Id}", $"downloaded the record of incident #{incident.Number}", ct);
        var files = await bundle.BuildAsync(project, incident, urls.For(Request), ct);
        return File(await DeterministicZip.BytesOfAsync(files, ct), ArchiveApi.ZipType, IncidentBundle.FileName(project, incident));
    }
}
