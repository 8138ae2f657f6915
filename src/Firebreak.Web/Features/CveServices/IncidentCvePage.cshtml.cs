using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// An incident's CVE: its id, the two CNA clocks, and by the project's authority a button to reserve an id from the
/// project's CNA or a field to record one by hand; the record's state as CVE Services last told it, and the calls made
/// for the incident with their failures.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class IncidentCvePageModel(ProjectAccess access, Data.FirebreakDbContext db, CveQueue queue, PublicAdvisories advisories, CurrentUser user, TimeProvider time) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public IncidentCveJson Cve { get; private set; } = null!;
    public bool CanWork { get; private set; }

    /// <summary>The advisory is public, the incident has an id and the project is its own CNA, but no publication of the record is queued or done.</summary>
    public bool RecordAwaitsPublication { get; private set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    [BindProperty] public string? CveId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostReserveAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await queue.ReserveAsync(Project, Incident, new ReserveRequest(1, null, true), user.Name, ct);
        TempData["Flash"] = "An id was requested from the project's CNA; it is recorded here once CVE Services answer.";
        return RedirectToPage(new { id = Id });
    }

    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await queue.CheckAsync(Project, Incident, user.Name, ct);
        TempData["Flash"] = "The record's state is being asked of CVE Services.";
        return RedirectToPage(new { id = Id });
    }

    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var call = await queue.PublishRecordAsync(Project, Incident, user.Name, ct);
        TempData["Flash"] = $"The CVE record {call.CveId} is queued for publication through CVE Services.";
        return RedirectToPage(new { id = Id });
    }

    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await queue.RecordAsync(Incident, CveId, user.Name, ct);
        TempData["Flash"] = $"{CveId?.Trim()} recorded on the incident.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct); // a collaborator sees the incident, not the project
        CanWork = await access.HasAsync(incident, Permission.IncidentWork, ct);
        Cve = await queue.ForIncidentAsync(Project, incident, ct);
        RecordAwaitsPublication = Project.CveAuthority == CveAuthority.OwnCna && Cve.CveId is { } cve
            && !Cve.Calls.Any(c => c.Kind == "publish" && c.CveId == cve && c.State is "pending" or "done")
            && await advisories.ForCveRecordAsync(Project, incident, ct) is not null;
        return true;
    }
}
