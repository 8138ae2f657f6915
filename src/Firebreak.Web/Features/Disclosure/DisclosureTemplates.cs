namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// The default disclosure messages, written for Firebreak after the seeds' private and public disclosure templates:
/// what is affected, which versions, the fix, the impact and what to do; the private one asks for discretion until
/// the public date. Values are listed in docs/disclosure.md.
/// </summary>
internal static class DisclosureTemplates
{
    public const string PrivateNoticeSubject = "[{{ project.name }}] Private notice: {{ advisory.severity }} vulnerability in {{ advisory.product }}";

    public const string PrivateNoticeBody = """
        This notice is private. It reaches you ahead of the public disclosure on {{ disclosure.date }} so that you can
        prepare; please keep it to yourself and your team until then.

        A {{ advisory.severity }} security vulnerability was found in {{ advisory.product }}: {{ advisory.summary }}

        Affected: {{ advisory.affected }}
        Fixed in: {{ advisory.patched | default: "not yet released" }}
        {% if advisory.cve %}CVE: {{ advisory.cve }}
        {% endif %}{% if advisory.cwe %}Weakness: {{ advisory.cwe }}
        {% endif %}{% if advisory.cvss %}CVSS: {{ advisory.cvss }}
        {% endif %}
        Impact: {{ advisory.user_safety_impact | default: advisory.summary }}

        What to do: {{ advisory.remediation | default: "upgrade to the fixed version as soon as it is released" }}

        Questions go to the {{ project.name }} security team, not to public channels.
        """;

    public const string AnnouncementSubject = "[{{ project.name }}] Security advisory {{ advisory.id }}: {{ advisory.summary }}";

    public const string AnnouncementBody = """
        The {{ project.name }} security team discloses a {{ advisory.severity }} security vulnerability in {{ advisory.product }}.

        {{ advisory.summary }}

        Affected: {{ advisory.affected }}
        Fixed in: {{ advisory.patched | default: "see the advisory" }}
        {% if advisory.cve %}CVE: {{ advisory.cve }}
        {% endif %}{% if advisory.cwe %}Weakness: {{ advisory.cwe }}
        {% endif %}{% if advisory.cvss %}CVSS: {{ advisory.cvss }}
        {% endif %}
        Impact: {{ advisory.user_safety_impact | default: advisory.summary }}

        What to do: {{ advisory.remediation | default: "upgrade to the fixed version" }}

        Credit: {{ advisory.credit }}

        The full advisory: {{ advisory.url }}
        """;

    /// <summary>The runbook's advisory body, one field a line; rendered with the default it equals the built-in <c>ghsa-md</c> export.</summary>
    public const string AdvisoryBody = """
        **Summary**: {{ advisory.summary }}
        **Affected**: {{ advisory.affected }}
        **Patched**: {{ advisory.patched | default: "none yet" }}
        **CVE**: {{ advisory.cve | default: "not assigned" }}
        **CWE**: {{ advisory.cwe_ids | default: "not classified" }}
        **CVSS v4**: {{ advisory.cvss_v4 | default: "not scored" }}
        **User-safety impact**: {{ advisory.user_safety_impact | default: "none stated" }}
        **Reporter**: {{ advisory.credit }}
        **Acknowledgement**: {{ advisory.acknowledged | default: "pending" }}
        **Triage**: {{ advisory.triaged | default: "pending" }}
        **Fix**: {{ advisory.fixed | default: "pending" }}
        **Disclosure**: {{ advisory.published | default: "pending" }}
        {% if advisory.description %}
        {{ advisory.description }}
        {% endif %}
        """;

    /// <summary>The runbook's CHANGELOG security line; rendered with the default it equals the built-in <c>changelog</c> export.</summary>
    public const string ChangelogLine = "- security: {{ advisory.scope }} — fix {{ advisory.fix }}; user-safety impact: {{ advisory.impact }}. Credit: {{ advisory.credit }}.";
}
