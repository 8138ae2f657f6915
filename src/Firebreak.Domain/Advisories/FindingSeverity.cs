using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Advisories;

/// <summary>How severe a scan finding is: its advisory's CVSS rating, or unknown when the advisory gives none. Most severe first.</summary>
public enum FindingSeverity
{
    /// <summary>CVSS 9.0–10.0.</summary>
    Critical,
    /// <summary>CVSS 7.0–8.9.</summary>
    High,
    /// <summary>CVSS 4.0–6.9.</summary>
    Medium,
    /// <summary>CVSS 0.1–3.9.</summary>
    Low,
    /// <summary>CVSS 0.0.</summary>
    None,
    /// <summary>The advisory gives no score.</summary>
    Unknown,
}

/// <summary>Reading a finding's severity.</summary>
public static class FindingSeverities
{
    /// <summary>The finding severity of an advisory's CVSS rating; <see cref="FindingSeverity.Unknown"/> when it has none.</summary>
    public static FindingSeverity From(CvssSeverity? rating) => rating switch
    {
        CvssSeverity.Critical => FindingSeverity.Critical,
        CvssSeverity.High => FindingSeverity.High,
        CvssSeverity.Medium => FindingSeverity.Medium,
        CvssSeverity.Low => FindingSeverity.Low,
        CvssSeverity.None => FindingSeverity.None,
        null => FindingSeverity.Unknown,
    };
}
