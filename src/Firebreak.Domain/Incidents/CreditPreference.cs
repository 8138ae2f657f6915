namespace Firebreak.Domain.Incidents;

/// <summary>How a reporter wants to be credited.</summary>
public enum CreditPreference
{
    /// <summary>By their real name.</summary>
    RealName,
    /// <summary>By a handle.</summary>
    Handle,
    /// <summary>Not named; counted only.</summary>
    Anonymous,
}
