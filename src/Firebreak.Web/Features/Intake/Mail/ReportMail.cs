using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Templates;
using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Intake.Mail;

/// <summary>
/// The intake's messages: the acknowledgement to the reporter (from the project's template) and
/// the notifications to the triage owner, the security contacts and, for Critical, the board.
/// Each goes into the outbox of the caller's unit of work with a key that makes it unique.
/// </summary>
internal sealed class ReportMail(Outbox outbox, LiquidTemplates templates, MarkdownRenderer markdown, Notifications.Audience audience)
{
    public const string AcknowledgementPurpose = "acknowledgement";

    public async Task<bool> QueueAcknowledgementAsync(Project project, Incident incident, IntakeSettings settings, string portalUrl, CancellationToken ct)
    {
        if (incident.Reporter?.Contact is not { } to || !MailAddresses.IsPlain(to)) return false;
        var values = Values(project, incident, portalUrl, null);
        var subject = await templates.RenderLineAsync(settings.AcknowledgementSubject, values);
        var body = await templates.RenderAsync(settings.AcknowledgementBody, values);
        return await outbox.EnqueueAsync(new MailDraft($"ack:{incident.Id}", to, subject, body, markdown.Render(body).ToString(),
            AcknowledgementPurpose, project.Id, incident.Id), ct);
    }

    public const string ConfirmationPurpose = "report-confirmation";

    /// <summary>
    /// The link that files a held report. Plain text only: the address is not yet known to be the
    /// reporter's, so the message says as little as it can about the report.
    /// </summary>
    public async Task QueueConfirmationAsync(Project project, HeldReport held, string confirmUrl, TimeSpan lifetime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(held);
        var hours = ((long)lifetime.TotalHours).ToString(CultureInfo.InvariantCulture);
        var body = $"""
            Someone (we hope you) sent a security report to {project.Name} and gave this address as the contact.

            The project files a report only once its reporter confirms the address. To send the report to the
            maintainers, open this link within {hours} hours and press "Confirm and send the report":

            {confirmUrl}

            If you did not send a report, ignore this message: nothing is filed without confirmation.
            """;
        await outbox.EnqueueAsync(new MailDraft($"confirm:{held.Id}", held.Contact, $"Confirm your security report to {LiquidTemplates.OneLine(project.Name)}", body, null,
            ConfirmationPurpose, project.Id, null), ct);
    }

    public async Task QueueTriageNotificationsAsync(Project project, Incident incident, string baseUrl, CancellationToken ct)
    {
        var values = Values(project, incident, null, $"{baseUrl.TrimEnd('/')}/incidents/{incident.Id}");
        var subject = await templates.RenderLineAsync(DefaultTemplates.ReceivedNotificationSubject, values);
        var body = await templates.RenderAsync(DefaultTemplates.ReceivedNotificationBody, values);
        // Members are told through their notifications (inbox, and e-mail if they chose it); this mail is for the
        // project's addresses that are nobody's account here, such as a security list.
        var members = await audience.MemberEmailsAsync(project.Id, ct);
        foreach (var to in Recipients(project, incident.Severity).Where(a => !members.Contains(a)))
        {
            await outbox.EnqueueAsync(new MailDraft($"new-report:{incident.Id}:{to.ToLowerInvariant()}", to, subject, body,
                markdown.Render(body).ToString(), "triage-notification", project.Id, incident.Id), ct);
        }
    }

    /// <summary>The values a template sees; also what the settings page previews with.</summary>
    public static Dictionary<string, object?> Values(Project project, Incident incident, string? portalUrl, string? incidentUrl)
    {
        var policy = project.Policy;
        var ack = incident.Clock(ClockKind.Acknowledgement);
        return new Dictionary<string, object?>
        {
            ["project"] = new Dictionary<string, object?> { ["name"] = project.Name, ["slug"] = project.Slug, ["repository"] = project.RepositoryUrl },
            ["reporter"] = new Dictionary<string, object?> { ["name"] = incident.Reporter?.CreditName, ["credit"] = incident.Reporter?.CreditLine },
            ["report"] = new Dictionary<string, object?>
            {
                ["number"] = incident.Number,
                ["title"] = incident.Title,
                ["severity"] = incident.Severity.ToWire(),
                ["received"] = incident.OpenedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["first_action"] = DurationText.Format(policy.FirstActionFor(incident.Severity)),
                ["acknowledge_by"] = ack?.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            },
            ["policy"] = new Dictionary<string, object?>
            {
                ["acknowledgement"] = DurationText.Format(policy.Acknowledgement),
                ["fix"] = DurationText.Format(policy.FixTarget),
                ["disclosure"] = DurationText.Format(policy.DisclosureWindow),
            },
            ["portal_url"] = portalUrl,
            ["incident_url"] = incidentUrl,
        };
    }

    private static IEnumerable<string> Recipients(Project project, Severity severity)
    {
        var holders = project.Policy.RoleHolders;
        var names = new List<string>(project.SecurityContacts);
        if (holders.TryGetValue(Role.TriageOwner, out var triage)) names.Add(triage);
        if (severity == Severity.Critical && holders.TryGetValue(Role.Board, out var board)) names.Add(board);
        return names.Select(n => n.Trim()).Where(MailAddresses.IsPlain).Distinct(StringComparer.OrdinalIgnoreCase);
    }

}
