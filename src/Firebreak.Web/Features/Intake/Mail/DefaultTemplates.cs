namespace Firebreak.Web.Features.Intake.Mail;

/// <summary>
/// The default communication templates, written for Firebreak after the seeds' acknowledgement
/// template: thank the reporter, say what happens next and when, and give them their private link.
/// </summary>
internal static class DefaultTemplates
{
    public const string AcknowledgementSubject = "[{{ project.name }}] We received your security report #{{ report.number }}";

    public const string AcknowledgementBody = """
        Hello {{ reporter.name | default: "there" }},

        Thank you for reporting "{{ report.title }}" to the {{ project.name }} security team. This message
        confirms that your report reached us privately on {{ report.received }}.

        What happens next: a maintainer will assess the report and get back to you. We aim to
        take first action within {{ report.first_action }} and to have a fix within {{ policy.fix }}.
        Disclosure is coordinated with you; our default window is {{ policy.disclosure }}.

        You can follow the report, read our replies and answer them at your private link:
        {{ portal_url }}

        Keep this link to yourself: anyone who has it can read the report's thread.

        {{ project.name }} security team
        """;

    public const string ReceivedNotificationSubject = "[{{ project.name }}] New {{ report.severity }} security report #{{ report.number }}: {{ report.title }}";

    public const string ReceivedNotificationBody = """
        A new vulnerability report arrived for {{ project.name }}.

        Report #{{ report.number }}: {{ report.title }}
        Severity on intake: {{ report.severity }}
        Acknowledge by: {{ report.acknowledge_by }}

        Open it: {{ incident_url }}
        """;
}
