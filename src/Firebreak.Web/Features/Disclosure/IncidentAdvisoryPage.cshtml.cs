using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure.Workflow;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The incident's disclosure page: the planned disclosure with its countdown (moved only with a reason and who agreed,
/// shortened by active exploitation), the advisory's text and workflow (review by a second maintainer, schedule,
/// withdraw), the private notice, and downloads in every format. Forms post back here and redirect.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class IncidentAdvisoryModel(ProjectAccess access, FirebreakDbContext db, AdvisoryMoves moves, TimeProvider time,
    CurrentUser user, PublicUrl urls, AuditTrail audit, AdvisoryExporter exporter) : PageModel
{
    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public AdvisoryPublication? Publication { get; private set; }
    public string Document { get; private set; } = "";
    public DateTimeOffset Now { get; } = time.GetUtcNow();
    public TimeZoneInfo Zone => user.TimeZone;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    [RequiresPermission(Permission.IncidentRead)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || Publication is null) return NotFound();
        try
        {
            var chosen = AdvisoryExport.Parse(format, "format");
            var text = await exporter.ExportAsync(Publication, Incident, chosen, urls.For(Request), ct);
            await audit.RecordNowAsync(user.Name, "advisory-export", $"incident {id}", $"exported advisory version {Publication.Version} as {chosen.ToWire()}", ct);
            return File(Encoding.UTF8.GetBytes(text), AdvisoryExport.MediaType(chosen),
                $"{Publication.AdvisoryId.Replace('/', '_').Replace(':', '_')}.{chosen.ToWire()}.{AdvisoryExport.Extension(chosen)}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostSaveAsync(Guid id, string? document, [FromServices] SaveAdvisory save, CancellationToken ct) =>
        Run(id, () => save.ExecuteAsync(id, document ?? "", ct), "Advisory saved.", ct, keep: document);

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostReviewAsync(Guid id, string? publishAt, [FromServices] RequestReview review, CancellationToken ct) =>
        Run(id, () => review.ExecuteAsync(id, ViewerTime.ParseLocal(publishAt, Zone, "publishAt"), ct), "Sent for review.", ct);

    [RequiresPermission(Permission.Review)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostApproveAsync(Guid id, string? publishAt, [FromServices] ApproveAdvisory approve, CancellationToken ct) =>
        Run(id, () => approve.ExecuteAsync(id, ViewerTime.ParseLocal(publishAt, Zone, "publishAt"), ct), "Approved and scheduled.", ct);

    [RequiresPermission(Permission.Review)]
    public Task<IActionResult> OnPostReturnAsync(Guid id, string? reason, [FromServices] ReturnAdvisory giveBack, CancellationToken ct) =>
        Run(id, () => giveBack.ExecuteAsync(id, reason, ct), "Returned to draft.", ct);

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostScheduleAsync(Guid id, string? publishAt, [FromServices] ScheduleAdvisory schedule, CancellationToken ct) =>
        Run(id, () => schedule.ExecuteAsync(id, ViewerTime.ParseLocal(publishAt, Zone, "publishAt"), ct), "Publication rescheduled.", ct);

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, [FromServices] WithdrawAdvisory withdraw, CancellationToken ct) =>
        Run(id, () => withdraw.ExecuteAsync(id, reason, ct), "Advisory withdrawn.", ct);

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostNoticeAsync(Guid id, string? sendAt, [FromServices] QueuePrivateNotice notice, CancellationToken ct) =>
        Run(id, async () => $"Private notice queued to {await notice.ExecuteAsync(id, ViewerTime.ParseLocal(sendAt, Zone, "sendAt"), urls.For(Request), ct)} recipient(s).", null, ct);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostDisclosureAsync(Guid id, string? dueAt, string? reason, List<string>? agreedBy, [FromServices] MoveDisclosure move, CancellationToken ct) =>
        Run(id, () => move.ExecuteAsync(id, ViewerTime.ParseLocal(dueAt, Zone, "dueAt"), reason, agreedBy, ct), "Disclosure date moved.", ct);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostExploitedAsync(Guid id, string? evidence, [FromServices] ReportExploitation exploited, CancellationToken ct) =>
        Run(id, () => exploited.ExecuteAsync(id, evidence, ct), "Active exploitation recorded.", ct);

    private async Task<IActionResult> Run<T>(Guid id, Func<Task<T>> action, string? done, CancellationToken ct, string? keep = null)
    {
        try
        {
            var result = await action();
            if (result is null) return NotFound();
            TempData["Flash"] = done ?? result.ToString();
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", e.Message);
            return await LoadAsync(id, keep, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, string? keep, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: true, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        Publication = await moves.FindAsync(id, ct);
        Document = keep ?? Publication?.Document ?? AdvisoryDraft.For(Project, incident, urls.For(Request));
        return true;
    }
}
