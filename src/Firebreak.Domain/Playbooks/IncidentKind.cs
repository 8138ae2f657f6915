namespace Firebreak.Domain.Playbooks;

/// <summary>What happened. Each kind has a default playbook; wire names are kebab-case.</summary>
public enum IncidentKind
{
    /// <summary>A vulnerability reported to the project (the four-stage plan).</summary>
    VulnerabilityReport,
    /// <summary>An advisory or compromise affects a dependency the project ships.</summary>
    CompromisedDependency,
    /// <summary>A publish or signing credential leaked or was used without authorisation.</summary>
    LeakedCredential,
    /// <summary>An unauthorised release tag, or a CI action the project uses was compromised.</summary>
    ReleaseCompromise,
    /// <summary>A dependency matched an entry of the CISA Known Exploited Vulnerabilities catalog.</summary>
    KevMatch,
    /// <summary>A prompt injection or AI guardrail bypass.</summary>
    AiGuardrailBypass,
    /// <summary>Anything else.</summary>
    Other,
}
