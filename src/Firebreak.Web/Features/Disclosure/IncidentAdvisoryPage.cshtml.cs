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
    CurrentUser user, ViewerTime viewerTime, PublicUrl urls, AuditTrail audit, AdvisoryExporter exporter) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public AdvisoryPublication? Publication { get; private set; }

    /// <summary>The advisory text in the editor: what was posted (kept when saving it was refused), else the saved one, else a first draft.</summary>
    [BindProperty] public string? Document { get; set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(Permission.IncidentRead)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!await ReloadAsync(ct) || Publication is null) return NotFound();
        var chosen = AdvisoryExport.Parse(format, "format");
        var text = await exporter.ExportAsync(Publication, Incident, chosen, urls.For(Request), ct);
        await audit.RecordNowAsync(user.Name, "advisory-export", $"incident {Id}", $"exported advisory version {Publication.Version} as {chosen.ToWire()}", ct);
        return File(Encoding.UTF8.GetBytes(text), AdvisoryExport.MediaType(chosen),
            $"{Publication.AdvisoryId.Replace('/', '_').Replace(':', '_')}.{chosen.ToWire()}.{AdvisoryExport.Extension(chosen)}");
    }

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostSaveAsync([FromServices] SaveAdvisory save, CancellationToken ct) =>
        Run(() => save.ExecuteAsync(Id, Document ?? "", ct), "Advisory saved.");

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostReviewAsync(string? publishAt, [FromServices] RequestReview review, CancellationToken ct) =>
        Run(() => review.ExecuteAsync(Id, viewerTime.Parse(publishAt, "publishAt"), ct), "Sent for review.");

    [RequiresPermission(Permission.Review)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostApproveAsync(string? publishAt, [FromServices] ApproveAdvisory approve, CancellationToken ct) =>
        Run(() => approve.ExecuteAsync(Id, viewerTime.Parse(publishAt, "publishAt"), ct), "Approved and scheduled.");

    [RequiresPermission(Permission.Review)]
    public Task<IActionResult> OnPostReturnAsync(string? reason, [FromServices] ReturnAdvisory giveBack, CancellationToken ct) =>
        Run(() => giveBack.ExecuteAsync(Id, reason, ct), "Returned to draft.");

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostScheduleAsync(string? publishAt, [FromServices] ScheduleAdvisory schedule, CancellationToken ct) =>
        Run(() => schedule.ExecuteAsync(Id, viewerTime.Parse(publishAt, "publishAt"), ct), "Publication rescheduled.");

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostWithdrawAsync(string? reason, [FromServices] WithdrawAdvisory withdraw, CancellationToken ct) =>
        Run(() => withdraw.ExecuteAsync(Id, reason, ct), "Advisory withdrawn.");

    [RequiresPermission(Permission.Publish)]
    [RequiresRecentSignIn]
    public Task<IActionResult> OnPostNoticeAsync(string? sendAt, [FromServices] QueuePrivateNotice notice, CancellationToken ct) =>
        Run(async () => $"Private notice queued to {await notice.ExecuteAsync(Id, viewerTime.Parse(sendAt, "sendAt"), urls.For(Request), ct)} recipient(s).", null);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostDisclosureAsync(string? dueAt, string? reason, List<string>? agreedBy, [FromServices] MoveDisclosure move, CancellationToken ct) =>
        Run(() => move.ExecuteAsync(Id, viewerTime.Parse(dueAt, "dueAt"), reason, agreedBy, ct), "Disclosure date moved.");

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostExploitedAsync(string? evidence, [FromServices] ReportExploitation exploited, CancellationToken ct) =>
        Run(() => exploited.ExecuteAsync(Id, evidence, ct), "Active exploitation recorded.");

    private async Task<IActionResult> Run<T>(Func<Task<T>> action, string? done)
    {
        var result = await action();
        if (result is null) return NotFound();
        TempData["Flash"] = done ?? result.ToString();
        return RedirectToPage(new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: true, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        Publication = await moves.FindAsync(Id, ct);
        Document ??= Publication?.Document ?? AdvisoryDraft.For(Project, incident, urls.For(Request));
        return true;
    }
}
