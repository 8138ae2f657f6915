namespace Firebreak.Domain.Incidents;

/// <summary>Where a deadline clock stands at a given instant.</summary>
public enum ClockState
{
    /// <summary>Not stopped, more than a quarter of its window left.</summary>
    Running,
    /// <summary>Not stopped, a quarter of its window or less left.</summary>
    AtRisk,
    /// <summary>Stopped on or before its due instant.</summary>
    Met,
    /// <summary>Past due without being stopped, or stopped after its due instant.</summary>
    Breached,
}
