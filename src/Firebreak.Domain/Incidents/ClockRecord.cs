using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>The stored form of an incident's clock (UTC instants), owned by the incident.</summary>
public sealed class ClockRecord
{
    private ClockRecord() { }

    internal ClockRecord(ClockKind kind, DateTimeOffset startedAt, DateTimeOffset dueAt)
    {
        Kind = kind;
        StartedAt = startedAt.UtcDateTime;
        DueAt = dueAt.UtcDateTime;
    }

    /// <summary>Which clock.</summary>
    public ClockKind Kind { get; private set; }

    /// <summary>When it started (UTC).</summary>
    public DateTime StartedAt { get; private set; }

    /// <summary>When it is due (UTC).</summary>
    public DateTime DueAt { get; internal set; }

    /// <summary>When its event happened (UTC), or null while it runs.</summary>
    public DateTime? StoppedAt { get; internal set; }

    /// <summary>The clock as a value.</summary>
    public SlaClock ToClock() => new(Kind, StartedAt.AsInstant(), DueAt.AsInstant(), StoppedAt is { } s ? s.AsInstant() : null);

}
