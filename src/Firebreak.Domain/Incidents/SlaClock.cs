namespace Firebreak.Domain.Incidents;

/// <summary>
/// A deadline clock: started at <see cref="StartedAt"/>, due at <see cref="DueAt"/>, stopped (if
/// it has been) at <see cref="StoppedAt"/>. All instants are UTC. The due instant is exclusive:
/// stopping exactly at it is still met; being unstopped at it is breached.
/// </summary>
public sealed record SlaClock(ClockKind Kind, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? StoppedAt)
{
    /// <summary>The share of the window below which a running clock is at risk.</summary>
    public const double AtRiskFraction = 0.25;

    /// <summary>
    /// The share of the window left at which a clock of <paramref name="kind"/> turns at risk: a quarter, except the CVE
    /// record's, which the CNA rules want published within a third of its window (24 of 72 hours), so it is at risk
    /// once that recommended time has passed.
    /// </summary>
    public static double AtRiskShare(ClockKind kind) => kind == ClockKind.CveRecordPublication ? 2.0 / 3 : AtRiskFraction;

    /// <summary>The state of the clock at <paramref name="now"/>.</summary>
    public ClockState StateAt(DateTimeOffset now)
    {
        if (StoppedAt is { } stopped) return stopped <= DueAt ? ClockState.Met : ClockState.Breached;
        if (now >= DueAt) return ClockState.Breached;
        var window = DueAt - StartedAt;
        return DueAt - now <= window * AtRiskShare(Kind) ? ClockState.AtRisk : ClockState.Running;
    }

    /// <summary>Time left until due (negative once overdue); zero once stopped.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => StoppedAt is null ? DueAt - now : TimeSpan.Zero;

    /// <summary>True while the clock still counts.</summary>
    public bool IsRunning => StoppedAt is null;
}
