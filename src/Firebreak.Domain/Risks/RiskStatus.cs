namespace Firebreak.Domain.Risks;

/// <summary>Where a risk stands.</summary>
public enum RiskStatus
{
    /// <summary>Known and not yet dealt with.</summary>
    Open,
    /// <summary>Reduced to an acceptable level by the mitigations listed.</summary>
    Mitigated,
    /// <summary>Accepted as it is, until a date, by a named person; after that date it asks for review.</summary>
    Accepted,
    /// <summary>Handed to another party (an upstream project, a host, an insurer), named in the entry.</summary>
    Transferred,
}
