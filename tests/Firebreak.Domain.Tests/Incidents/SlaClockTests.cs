using Firebreak.Domain.Incidents;

namespace Firebreak.Domain.Tests.Incidents;

public class SlaClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    // A 4-hour clock: at risk from 3 h elapsed (a quarter of the window left), breached at due.
    [Theory]
    [InlineData(0, null, ClockState.Running)]
    [InlineData(179, null, ClockState.Running)]
    [InlineData(180, null, ClockState.AtRisk)]
    [InlineData(239, null, ClockState.AtRisk)]
    [InlineData(240, null, ClockState.Breached)]
    [InlineData(600, null, ClockState.Breached)]
    [InlineData(600, 100, ClockState.Met)]
    [InlineData(600, 240, ClockState.Met)]
    [InlineData(600, 241, ClockState.Breached)]
    public void StateAt_FourHourClock(int minutesElapsed, int? stoppedAfterMinutes, ClockState expected)
    {
        var clock = new SlaClock(ClockKind.FirstAction, Start, Start.AddHours(4), stoppedAfterMinutes is { } m ? Start.AddMinutes(m) : null);
        Assert.Equal(expected, clock.StateAt(Start.AddMinutes(minutesElapsed)));
    }

    [Fact]
    public void RemainingAt_IsSignedAndZeroOnceStopped()
    {
        var clock = new SlaClock(ClockKind.Acknowledgement, Start, Start.AddHours(24), null);
        Assert.Equal(TimeSpan.FromHours(23), clock.RemainingAt(Start.AddHours(1)));
        Assert.Equal(TimeSpan.FromHours(-2), clock.RemainingAt(Start.AddHours(26)));
        Assert.Equal(TimeSpan.Zero, (clock with { StoppedAt = Start.AddHours(1) }).RemainingAt(Start.AddHours(26)));
    }
}
