using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>
/// Adds a message to a report's thread. A reporter's message and a maintainer's shared message
/// are recorded in the timeline; a shared message is also e-mailed to the reporter (without its
/// text, which stays behind their private link). Internal notes stay internal.
/// </summary>
internal sealed class PostMessage(FirebreakDbContext db, Outbox outbox, TimeProvider time, Notifications.IncidentNotices notices)
{
    public async Task<ReportMessage> FromReporterAsync(Incident incident, string? body, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        ReportMessage.CheckBody(body);
        incident.RecordCorrespondence("The reporter sent a message", SubmitReport.Actor, now);
        var message = ReportMessage.FromTheReporter(incident.Id, incident.Version, body, now);
        db.Add(message);
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await notices.ReporterRepliedAsync(project, incident, message.Id, ct);
        await db.SaveChangesAsync(ct);
        return message;
    }

    public async Task<ReportMessage> FromMaintainerAsync(Incident incident, string author, string? body, bool shared, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        ReportMessage.CheckBody(body);
        incident.RecordCorrespondence(shared ? "Message shared with the reporter" : "Internal note on the report thread", author, now);
        var message = ReportMessage.FromMaintainer(incident.Id, incident.Version, author, body, shared, now);
        db.Add(message);
        // A reply the reporter can read on their private page is an acknowledgement, whether or not mail goes out.
        if (shared && incident.Clock(ClockKind.Acknowledgement) is { IsRunning: true })
            incident.StopClock(ClockKind.Acknowledgement, "a maintainer replied to the reporter in the thread", author, now);
        if (shared && incident.Reporter?.Contact is { } to)
        {
            await outbox.EnqueueAsync(new MailDraft($"reply:{message.Id}", to, $"New reply on your security report #{incident.Number}",
                "The maintainers replied to your security report. Open your private link (from the acknowledgement) to read it and answer.",
                null, "reporter-reply", incident.ProjectId, incident.Id), ct);
        }
        await db.SaveChangesAsync(ct);
        return message;
    }
}
