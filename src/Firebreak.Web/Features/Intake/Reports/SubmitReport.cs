using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Takes a report from the public intake. The whole submission, attachments included, is checked
/// first; then, in one commit, it is either filed at once (through the <see cref="IntakeQueue"/>:
/// incident, clocks, playbook, private link, acknowledgement, notifications, attachments, committed
/// with the reports that arrived at the same moment) or — when the
/// project confirms reporters' addresses — held with its attachments while a confirmation link goes
/// to the contact. A report the reporter saw accepted is never lost; nothing is sent or kept for
/// one that was refused.
/// </summary>
internal sealed class SubmitReport(FirebreakDbContext db, TimeProvider time, IntakeQueue intake, OpenIncident open, ReportMail mail, AttachmentLimits limits,
    IConfiguration configuration)
{
    public const string Actor = "reporter";

    public async Task<ReportOutcome> ExecuteAsync(Project project, ReportSubmission submission, IReadOnlyList<AttachmentUpload> uploads,
        IncidentSource source, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(submission);
        if (!string.IsNullOrEmpty(submission.Website)) throw new DomainException("The report was refused: a field meant to stay empty was filled in.");
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        if (!settings.Accepting) throw new DomainException($"{project.Name} is not accepting reports through this form.");
        await CheckProjectRateAsync(project, ct);
        var draft = ReportDraft.Read(submission);
        if (settings.ConfirmReporterEmail) return await HoldAsync(project, submission, draft, uploads, source, baseUrl, ct);
        var accepted = limits.Check(uploads);
        var receipt = await intake.FileAsync(new Filing(project, settings, draft, source, baseUrl, accepted), ct);
        return new ReportOutcome(receipt, null);
    }

    private async Task<ReportOutcome> HoldAsync(Project project, ReportSubmission submission, ReportDraft draft, IReadOnlyList<AttachmentUpload> uploads,
        IncidentSource source, string baseUrl, CancellationToken ct)
    {
        if (draft.Reporter.Contact is not { } contact)
            throw new DomainException($"{project.Name} files a report only after the reporter confirms their e-mail address: give an e-mail address as the contact.");
        var now = time.GetUtcNow();
        // Checked now, so that the confirmation cannot fail on the title or description later.
        open.Check(project, draft.ToOpening(source));
        var accepted = limits.Check(uploads);
        var lifetime = TimeSpan.FromHours(configuration.GetValue("Intake:ConfirmationHours", 72));
        var (held, token) = HeldReport.Hold(project.Id, submission, contact, source, now, lifetime);
        db.Add(held);
        foreach (var attachment in accepted) db.Add(ReportAttachment.From(attachment, project.Id, null, held.Id, Actor, now));
        await mail.QueueConfirmationAsync(project, held, ConfirmUrl(baseUrl, token), lifetime, ct);
        await db.SaveChangesAsync(ct);
        return new ReportOutcome(null, new HeldReceipt(held.Id, contact, held.ExpiresAt, accepted.Count));
    }

    /// <summary>
    /// The reporter's private link, absolute, for mail and the receipt: it must carry the configured public address
    /// (<c>PublicUrl</c>), not the request's, and is also written where no page is rendering, so it is built here and not
    /// by the router. The route it names is the portal page's, <c>/r/{token}</c> (the link walk follows it).
    /// </summary>
    public static string PortalUrl(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/{token}";

    /// <summary>The confirmation link in the e-mail to a held report's contact, absolute for the same reason as <see cref="PortalUrl"/>.</summary>

    public static string ConfirmUrl(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/confirm/{token}";

    /// <summary>
    /// A project takes at most <c>Intake:PerProjectPerHour</c> reports an hour (0 turns the limit off; counted in the
    /// database, so across servers), filed or held for confirmation.
    /// </summary>
    private async Task CheckProjectRateAsync(Project project, CancellationToken ct)
    {
        var limit = configuration.GetValue("Intake:PerProjectPerHour", 200);
        if (limit <= 0) return; // the operator turned the limit off
        var since = time.GetUtcNow().AddHours(-1).UtcDateTime;
        // Counted only up to the limit (an index range that stops there), so the check costs the same however busy the hour was.
        var recent = await db.Incidents.Where(i => i.ProjectId == project.Id && i.Kind == IncidentKind.VulnerabilityReport && i.OpenedAt > since).Take(limit).CountAsync(ct)
            + await db.Set<HeldReport>().Where(h => h.ProjectId == project.Id && h.ConfirmedAt == null && h.ReceivedAt > since).Take(limit).CountAsync(ct);
        if (recent >= limit) throw new TooManyRequestsException($"{project.Name} has received too many reports in the last hour; try again later.", TimeSpan.FromHours(1));
    }
}
