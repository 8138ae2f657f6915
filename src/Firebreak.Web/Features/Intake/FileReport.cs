using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Files a checked report as a <c>vulnerability-report</c> incident in the discovery stage, with
/// its clocks running from now and the four-stage playbook started, the reporter's private link,
/// the acknowledgement (when the project sends it at once) and the triage notifications, plus
/// whatever the caller adds (the attachments) — all in one commit. Used at submission, and at
/// confirmation for a held report.
/// </summary>
internal sealed class FileReport(FirebreakDbContext db, TimeProvider time, PlaybookLibrary playbooks, ReportMail mail)
{
    /// <summary>Files the report; <paramref name="alsoAdd"/> adds the rest of the unit of work for the new incident (and says how many files it attached), and is called again from scratch if the incident number clashes.</summary>
    public async Task<ReportReceipt> ExecuteAsync(Project project, IntakeSettings settings, ReportDraft draft, string baseUrl,
        Func<Incident, Task<int>> alsoAdd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(draft);
        var playbook = playbooks.Catalog.DefaultFor(IncidentKind.VulnerabilityReport, userSafety: false);
        string token = "";
        var queued = false;
        var attachments = 0;
        var incident = await db.AddNumberedAsync(project.Id, number =>
        {
            var now = time.GetUtcNow();
            var incident = draft.Open(project, number, SubmitReport.Actor, now);
            if (playbook is not null) incident.StartPlaybook(playbook, SubmitReport.Actor, now);
            return incident;
        }, async incident =>
        {
            var (link, issued) = ReporterLink.Issue(project.Id, incident.Id, time.GetUtcNow());
            token = issued;
            db.Add(link);
            attachments = await alsoAdd(incident);
            queued = settings.AutoAcknowledge && await mail.QueueAcknowledgementAsync(project, incident, settings, SubmitReport.PortalUrl(baseUrl, issued), ct);
            await mail.QueueTriageNotificationsAsync(project, incident, baseUrl, ct);
        }, ct);
        return new ReportReceipt(incident.Id, incident.Number, token, queued, attachments);
    }
}
