using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Settings;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Files a checked report as a <c>vulnerability-report</c> incident in the discovery stage, with
/// its clocks running from now and the four-stage playbook started, the reporter's private link,
/// the acknowledgement (when the project sends it at once) and the triage notifications, plus
/// whatever the caller adds (the attachments) — all in one commit. Used at submission, and at
/// confirmation for a held report.
/// </summary>
internal sealed class FileReport(FirebreakDbContext db, TimeProvider time, OpenIncident open, ReportMail mail)
{
    /// <summary>
    /// Files the report with <paramref name="files"/> attached; <paramref name="alsoAdd"/> adds the rest of the unit of work for
    /// the new incident (and says how many more files it attached), and is called again from scratch if the unit of work loses a race.
    /// </summary>
    public async Task<ReportReceipt> ExecuteAsync(Project project, IntakeSettings settings, ReportDraft draft, IncidentSource source, string baseUrl,
        IReadOnlyList<AcceptedAttachment> files, Func<Incident, Task<int>>? alsoAdd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(draft);
        string token = "";
        var queued = false;
        var attachments = 0;
        var incident = await open.ExecuteAsync(project, draft.ToOpening(source), async (incident, ct) =>
        {
            var (link, issued) = ReporterLink.Issue(project.Id, incident.Id, time.GetUtcNow());
            token = issued;
            db.Add(link);
            var now = time.GetUtcNow();
            foreach (var file in files) db.Add(ReportAttachment.From(file, project.Id, incident.Id, null, SubmitReport.Actor, now));
            attachments = files.Count + (alsoAdd is null ? 0 : await alsoAdd(incident));
            queued = settings.AutoAcknowledge && await mail.QueueAcknowledgementAsync(project, incident, settings, SubmitReport.PortalUrl(baseUrl, issued), ct);
            await mail.QueueTriageNotificationsAsync(project, incident, baseUrl, ct);
        }, ct);
        return new ReportReceipt(incident.Id, incident.Number, token, queued, attachments);
    }
}
