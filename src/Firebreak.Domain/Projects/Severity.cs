using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Projects;

/// <summary>The policy severity classes, most severe first.</summary>
public enum Severity
{
    /// <summary>First action within 4 hours by default; every user-safety bug.</summary>
    Critical,
    /// <summary>First action within 24 hours by default.</summary>
    High,
    /// <summary>First action within 72 hours by default.</summary>
    Medium,
    /// <summary>First action within 7 days by default.</summary>
    Low,
}

/// <summary>The one reading of a CVSS qualitative rating as a policy severity class.</summary>
public static class Severities
{
    /// <summary>
    /// Critical → Critical, High → High, Medium → Medium, Low and None → Low. A caller without a
    /// rating says itself what an unrated finding or report counts as.
    /// </summary>
    public static Severity FromCvss(CvssSeverity rating) => rating switch
    {
        CvssSeverity.Critical => Severity.Critical,
        CvssSeverity.High => Severity.High,
        CvssSeverity.Medium => Severity.Medium,
        CvssSeverity.Low or Cvss.CvssSeverity.None => Severity.Low,
    };
}
