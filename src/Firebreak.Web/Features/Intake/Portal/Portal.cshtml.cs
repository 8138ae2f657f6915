using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Threads;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>
/// The reporter's portal, opened by the capability link alone: the report's stage, the messages
/// the maintainers shared, a reply box, the files they sent (listed, and more can be added), and
/// the credit preference (changeable until publication).
/// An unknown, malformed or revoked token is a plain 404.
/// </summary>
[AllowAnonymous]
[TakesAttachments]
internal sealed class PortalModel(ReportThreads threads, PostMessage post, FirebreakDbContext db, IntakeRateLimiter limiter,
    MarkdownRenderer markdown, TimeProvider time, AttachToReport attach, AttachmentLimits limits, PublicUrl urls) : PageModel, IReloadablePage
{
    [FromRoute] public string Token { get; set; } = "";
    public Incident Incident { get; private set; } = null!;
    public string ProjectName { get; private set; } = "";
    public string ProjectSlug { get; private set; } = "";

    /// <summary>The public advisory for the report, once it is public; null before.</summary>
    public PortalAdvisory? Advisory { get; private set; }
    public IReadOnlyList<ReportMessage> Messages { get; private set; } = [];
    public IReadOnlyList<AttachmentJson> Attachments { get; private set; } = [];
    public string LimitsText => limits.Describe();
    public MarkdownRenderer Markdown => markdown;

    [BindProperty] public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ReloadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        Run(async () =>
        {
            await post.FromReporterAsync(Incident, Body, ct);
            TempData["Flash"] = "Your message was sent to the maintainers.";
        }, ct);

    public Task<IActionResult> OnPostCreditAsync(string? credit, string? creditName, bool consent, CancellationToken ct) =>
        Run(async () =>
        {
            Incident.ChangeCredit(WireNames.Parse<CreditPreference>(credit, "credit preference"), creditName, consent, SubmitReport.Actor, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Your credit preference was saved.";
        }, ct);

    public Task<IActionResult> OnPostAttachAsync(List<IFormFile> files, CancellationToken ct) =>
        Run(async () =>
        {
            var added = await attach.ExecuteAsync(Incident, await ReportRequest.FilesAsync(files, limits, ct), ct);
            TempData["Flash"] = $"Attached: {string.Join(", ", added.Select(a => a.FileName))}.";
        }, ct);

    private async Task<IActionResult> Run(Func<Task> action, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await limiter.TakeAsync(HttpContext, "portal", HttpContext.RequestAborted);
        await action();
        return RedirectToPage(new { token = Token });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await threads.OpenByTokenAsync(Token, ct) is not var (incident, _)) return false;
        Incident = incident;
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == incident.ProjectId, ct);
        ProjectName = project.Name;
        ProjectSlug = project.Slug;
        Advisory = await PortalAdvisory.FindAsync(db, project, incident.Id, time.GetUtcNow(), urls.For(Request), ct);
        Messages = await threads.SharedAsync(incident.Id, ct);
        Attachments = await threads.AttachmentsAsync(incident.Id, ct);
        return true;
    }
}
