namespace Firebreak.Domain.Incidents;

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
