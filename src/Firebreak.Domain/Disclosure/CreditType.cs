namespace Firebreak.Domain.Disclosure;

/// <summary>The role a credited party played (the roles OSV and CVE 5 share).</summary>
public enum CreditType
{
    /// <summary>Found the vulnerability.</summary>
    Finder,
    /// <summary>Reported it to the project.</summary>
    Reporter,
    /// <summary>Validated it and its severity.</summary>
    Analyst,
    /// <summary>Coordinated the response.</summary>
    Coordinator,
    /// <summary>Wrote the fix.</summary>
    RemediationDeveloper,
    /// <summary>Reviewed the fix.</summary>
    RemediationReviewer,
    /// <summary>Verified the fix.</summary>
    RemediationVerifier,
    /// <summary>A tool used to find it.</summary>
    Tool,
    /// <summary>Supported the work.</summary>
    Sponsor,
    /// <summary>Anything else.</summary>
    Other,
}
