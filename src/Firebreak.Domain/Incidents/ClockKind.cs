namespace Firebreak.Domain.Incidents;

/// <summary>The deadline clocks an incident can carry.</summary>
public enum ClockKind
{
    /// <summary>Acknowledge the reporter; stops when the acknowledgement is sent.</summary>
    Acknowledgement,
    /// <summary>Take the first action, due per severity; stops when the first step is done.</summary>
    FirstAction,
    /// <summary>Release a fix; stops when the fix is released.</summary>
    Fix,
    /// <summary>Disclose publicly; stops when the advisory is published.</summary>
    Disclosure,
}
