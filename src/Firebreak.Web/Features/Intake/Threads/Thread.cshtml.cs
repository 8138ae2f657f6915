using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>
/// The maintainers' side of a report: the whole thread (internal notes marked), a reply box that
/// decides per message whether the reporter sees it, the reporter's files (downloads only), the
/// acknowledgement, and the mail sent for it.
/// </summary>
[RequiresPermission(Permission.IncidentRead)]
internal sealed class ThreadModel(ProjectAccess access, FirebreakDbContext db, ReportThreads threads, PostMessage post,
    SendAcknowledgement acknowledge, MarkAcknowledged markAcknowledged, JudgeReport judge, CurrentUser user, PublicUrl urls, MarkdownRenderer markdown,
    AuditTrail audit, Microsoft.Extensions.Options.IOptions<MailOptions> mailOptions) : PageModel, IReloadablePage
{
    [FromRoute] public Guid Id { get; set; }
    public Incident Incident { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<ReportMessage> Messages { get; private set; } = [];
    public IReadOnlyList<OutboxMessage> Mail { get; private set; } = [];
    public IReadOnlyList<AttachmentJson> Attachments { get; private set; } = [];
    public MarkdownRenderer Markdown => markdown;

    /// <summary>Whether this server sends mail (a relay is configured); without one, mail waits in the outbox.</summary>
    public bool MailConfigured => !string.IsNullOrWhiteSpace(mailOptions.Value.Smtp.Host);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await audit.RecordReadAsync(user.Name, "incident-read", $"incident {Id}", "read the reporter thread", ct);
        return Page();
    }

    /// <summary>Downloads one of the report's files (never shown inline); every download is in the audit record.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return NotFound();
        if (await threads.AttachmentAsync(incident.Id, attachmentId, ct) is not { } attachment) return NotFound();
        await audit.RecordNowAsync(user.Name, "attachment-download", $"incident {incident.Id}",
            $"downloaded attachment {attachment.Id} '{attachment.FileName}' (sha256 {attachment.Sha256})", ct);
        AttachmentDownload.Prepare(Response);
        return File(attachment.Content, AttachmentDownload.ContentType, attachment.FileName);
    }

    [RequiresPermission(Permission.IncidentWork)]
    public Task<IActionResult> OnPostMessageAsync(string? body, bool shared, CancellationToken ct) =>
        Run(async () =>
        {
            if (shared && !await access.HasAsync(Incident, Permission.ReporterCorrespond, ct))
                throw new DomainException("Your role cannot share messages with the reporter; post it as an internal note.");
            await post.FromMaintainerAsync(Incident, user.Name, body, shared, ct);
            TempData["Flash"] = shared ? "Shared with the reporter." : "Internal note added.";
        }, ct);

    [RequiresPermission(Permission.IncidentTriage)]
    public Task<IActionResult> OnPostVerdictAsync(string? verdict, int? duplicateOf, string? reply, CancellationToken ct) =>
        Run(async () =>
        {
            await judge.ExecuteAsync(Incident, new VerdictRequest(verdict, duplicateOf, reply), user.Name, ct);
            TempData["Flash"] = $"Verdict recorded: {verdict}.";
        }, ct);

    [RequiresPermission(Permission.ReporterCorrespond)]
    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        Run(async () =>
        {
            await acknowledge.ExecuteAsync(Project, Incident, urls.For(Request), user.Name, ct);
            TempData["Flash"] = "The acknowledgement is queued.";
        }, ct);

    [RequiresPermission(Permission.ReporterCorrespond)]
    public Task<IActionResult> OnPostMarkAcknowledgedAsync(string? how, CancellationToken ct) =>
        Run(async () =>
        {
            await markAcknowledged.ExecuteAsync(Incident, how, user.Name, ct);
            TempData["Flash"] = "Marked acknowledged.";
        }, ct);

    private async Task<IActionResult> Run(Func<Task> action, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await action();
        return RedirectToPage(new { id = Id });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindIncidentAsync(Id, withTimeline: false, ct) is not { } incident) return false;
        Incident = incident;
        Project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        Messages = await threads.AllAsync(Id, ct);
        Attachments = await threads.AttachmentsAsync(Id, ct);
        Mail = await db.Set<OutboxMessage>().Where(m => m.IncidentId == Id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return true;
    }
}
