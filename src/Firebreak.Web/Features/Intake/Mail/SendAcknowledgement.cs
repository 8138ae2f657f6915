using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Settings;

namespace Firebreak.Web.Features.Intake.Mail;

/// <summary>
/// A maintainer confirms the acknowledgement (for projects that do not send it at once). The
/// reporter's earlier link was shown only on their receipt, so the e-mail carries a new one; the
/// old link keeps working.
/// </summary>
internal sealed class SendAcknowledgement(FirebreakDbContext db, ReportMail mail, TimeProvider time)
{
    public async Task ExecuteAsync(Project project, Incident incident, string baseUrl, string actor, CancellationToken ct)
    {
        if (incident.Reporter?.Contact is null) throw new DomainException($"Incident #{incident.Number} has no reporter address to acknowledge.");
        if (incident.Clock(ClockKind.Acknowledgement) is { IsRunning: false })
            throw new DomainException($"Incident #{incident.Number} is already acknowledged.");
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        var now = time.GetUtcNow();
        var (link, token) = ReporterLink.Issue(project.Id, incident.Id, now);
        db.Add(link);
        if (!await mail.QueueAcknowledgementAsync(project, incident, settings, SubmitReport.PortalUrl(baseUrl, token), ct))
            throw new DomainException($"The acknowledgement for incident #{incident.Number} is already queued.");
        incident.RecordCorrespondence("Acknowledgement queued for the reporter", actor, now);
        await db.SaveChangesAsync(ct);
    }
}
