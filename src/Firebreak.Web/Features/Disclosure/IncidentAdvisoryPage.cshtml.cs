using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure.Editor;
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

    /// <summary>The advisory text in the advanced (JSON) view: what was posted (kept when saving it was refused), else the saved one, else a first draft.</summary>
    [BindProperty] public string? Document { get; set; }

    /// <summary>The structured editor's fields: what was posted (kept on a refusal or an add/remove), else read from <see cref="Document"/>.</summary>
    public AdvisoryForm? Form { get; set; }

    /// <summary><c>json</c> for the advanced view; the structured editor otherwise.</summary>
    [FromQuery(Name = "view")] public string? View { get; set; }
    public bool JsonView => string.Equals(View, "json", StringComparison.OrdinalIgnoreCase);

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>The public page and every export of what the editor shows.</summary>
    public AdvisoryPreview? Preview { get; private set; }

    /// <summary>The CWE search's query and what it found.</summary>
    public string? CweQuery { get; private set; }
    public IReadOnlyList<CweEntry> CweResults { get; private set; } = [];

    /// <summary>For a reviewer: what changed since the last review, and how the description differs from the report.</summary>
    public AdvisoryReview? Review { get; private set; }

    /// <summary>Whether the viewer holds the review permission on this incident.</summary>
    public bool CanReview { get; private set; }

    /// <summary>Who is looking (the approve button is shown only to someone who may approve).</summary>
    public string Viewer => user.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    /// <summary>
    /// The structured editor's one form. <paramref name="command"/> is the button pressed: <c>save</c> saves and
    /// redirects; <c>preview</c>, <c>cwe-search</c> and the add/remove buttons of the repeating groups show the page
    /// again with the posted fields (nothing saved), so the form works without script.
    /// </summary>
    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostEditAsync([FromForm(Name = "Form")] AdvisoryForm? form, string? command, string? cweQuery,
        [FromServices] SaveAdvisory save, CancellationToken ct)
    {
        Form = form ?? new AdvisoryForm();
        command = (command ?? "save").Trim();
        if (command == "save")
        {
            if (!await ReloadAsync(ct)) return NotFound();
            var text = Form.ToJson(Publication?.Document ?? AdvisoryDraft.For(Project, Incident, urls.For(Request)));
            return await Run(() => save.ExecuteAsync(Id, text, ct), "Advisory saved.");
        }
        if (command == "cwe-search")
        {
            CweQuery = cweQuery?.Trim();
            CweResults = CweCatalog.Search(CweQuery, 15);
            if (CweResults.Count == 0) ModelState.AddModelError(string.Empty, $"No CWE matches '{CweQuery}'; search by number (79) or by words of the name (cross-site).");
        }
        else if (!AdvisoryEditCommands.Apply(Form, command))
        {
            ModelState.AddModelError(string.Empty, $"'{(command.Length > 40 ? command[..40] : command)}' is not something this form does.");
        }
        return await ReloadAsync(ct) ? Page() : NotFound();
    }

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

    /// <summary>The longest description the live preview renders.</summary>
    public const int MaxPreviewLength = 100_000;

    /// <summary>
    /// The editor's live preview: the description's Markdown rendered as the public page renders it (through the one
    /// sanitiser), for the script that updates the preview while the maintainer types. Without script, "Preview without
    /// saving" does the same with a round trip.
    /// </summary>
    [RequiresPermission(Permission.IncidentWork)]
    public async Task<IActionResult> OnPostMarkdownAsync(string? text, [FromServices] MarkdownRenderer markdown, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is null) return NotFound();
        if (text is { Length: > MaxPreviewLength })
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8",
                Content = $"text: longer than {MaxPreviewLength:N0} characters; the preview shows nothing longer.",
            };
        return Content(markdown.Render(text).ToString() ?? "", "text/html; charset=utf-8");
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
        var baseUrl = urls.For(Request);
        var stored = Publication?.Document ?? AdvisoryDraft.For(Project, incident, baseUrl);
        Document ??= stored;
        Form ??= AdvisoryForm.FromJson(Document);
        string shown;
        try
        {
            shown = JsonView ? Document : Form.ToJson(stored);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            shown = stored;
        }
        Preview = await AdvisoryPreview.BuildAsync(shown, Publication, incident, Project, exporter, baseUrl, Now, ct);
        CanReview = await access.HasAsync(incident, Permission.Review, ct);
        if (Publication is { State: AdvisoryState.InReview })
            Review = AdvisoryReview.For(Publication, incident, Project, baseUrl);
        return true;
    }
}
