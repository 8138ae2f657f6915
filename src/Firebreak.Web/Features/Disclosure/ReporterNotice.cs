using System.Globalization;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// Tells the reporter that the advisory for their report is public: one message per incident (the outbox's key keeps it
/// single however often publication runs), with the link to the public advisory and their credit exactly as the
/// advisory prints it, or that it does not name them when they declined credit.
/// </summary>
internal sealed class ReporterNotice(Outbox outbox, MarkdownRenderer markdown)
{
    public const string Purpose = "advisory-published-reporter";

    /// <summary>Queues the message; false when the incident has no reporter with a mail address, or it was queued before.</summary>
    public async Task<bool> QueueAsync(Project project, Incident incident, SecurityAdvisory rendition, string advisoryUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(rendition);
        if (incident.Reporter?.Contact is not { } to || !MailAddresses.IsPlain(to)) return false;
        var subject = $"[{project.Name}] Your report is public: {rendition.Id}";
        var published = rendition.Timeline.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "now";
        var body = $"""
            Thank you for your report "{incident.Title}" to {project.Name}.

            The advisory {rendition.Id} has been public since {published}:
            {advisoryUrl}

            {CreditLine(rendition)}
            """;
        return await outbox.EnqueueAsync(new MailDraft($"{Purpose}:{incident.Id}", to, subject, body, markdown.Render(body).ToString(), Purpose,
            project.Id, incident.Id), ct);
    }

    /// <summary>The reporter's credit as the advisory prints it (the public rendition holds only credits given with consent).</summary>
    public static string CreditLine(SecurityAdvisory rendition)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        return rendition.PublicCredits.FirstOrDefault(c => c.Type == CreditType.Reporter) switch
        {
            null => "As you asked, the advisory does not credit you.",
            { IsAnonymous: true } => "The advisory credits you as an anonymous reporter, as you asked.",
            { Name: var name } => $"The advisory credits you as: {name}",
        };
    }
}
