using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Incidents;

/// <summary>The CNA rules' two clocks on a fake timeline: met, at risk and breached, and when they do not start at all.</summary>
public class CveClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Incident Report() =>
        Incident.Open(Guid.NewGuid(), 4, IncidentKind.VulnerabilityReport, "Leak", "", Severity.High, null, null, SecurityPolicy.Default, "alice", Now);

    [Fact]
    public void Assignment_IdRecordedWithin72Hours_Met()
    {
        var incident = Report();
        incident.ConfirmValid(CveAuthority.OwnCna, SecurityPolicy.Default, "tom", Now);
        Assert.Equal(ClockState.Running, incident.Clock(ClockKind.CveAssignment)!.StateAt(Now.AddHours(53)));
        incident.RecordCveId("CVE-2026-1234", "tom", Now.AddHours(71));
        var clock = incident.Clock(ClockKind.CveAssignment)!;
        Assert.Equal((Now.AddHours(72), Now.AddHours(71)), (clock.DueAt, clock.StoppedAt!.Value));
        Assert.Equal(ClockState.Met, clock.StateAt(Now.AddDays(30)));
        Assert.Equal("CVE-2026-1234", incident.CveIdRecorded);
    }

    [Fact]
    public void Assignment_LastQuarterOfItsWindow_AtRisk_ThenBreached()
    {
        var incident = Report();
        incident.ConfirmValid(CveAuthority.Github, SecurityPolicy.Default, "tom", Now);
        var clock = incident.Clock(ClockKind.CveAssignment)!;
        Assert.Equal(ClockState.Running, clock.StateAt(Now.AddHours(53)));
        Assert.Equal(ClockState.AtRisk, clock.StateAt(Now.AddHours(54)));
        Assert.Equal(ClockState.Breached, clock.StateAt(Now.AddHours(72)));
        incident.RecordCveId("CVE-2026-1234", "tom", Now.AddHours(80));
        Assert.Equal(ClockState.Breached, incident.Clock(ClockKind.CveAssignment)!.StateAt(Now.AddHours(81)));
    }

    [Fact]
    public void Assignment_NoAuthority_NoClock_AndIdAlreadyKnown_MetAtOnce()
    {
        var none = Report();
        none.ConfirmValid(CveAuthority.None, SecurityPolicy.Default, "tom", Now);
        Assert.Null(none.Clock(ClockKind.CveAssignment));
        var known = Report();
        known.RecordCveId("CVE-2026-9999", "tom", Now);
        known.ConfirmValid(CveAuthority.OwnCna, SecurityPolicy.Default, "tom", Now.AddHours(1));
        Assert.Equal(ClockState.Met, known.Clock(ClockKind.CveAssignment)!.StateAt(Now.AddDays(9)));
    }

    [Fact]
    public void RecordPublication_AtRiskAfter24Hours_MetWhenPublishedWithin72()
    {
        var incident = Report();
        incident.MarkAdvisoryPublished("ADV-1", Now, SecurityPolicy.Default, "firebreak", Now.AddMinutes(1), CveAuthority.OwnCna);
        var clock = incident.Clock(ClockKind.CveRecordPublication)!;
        Assert.Equal((Now, Now.AddHours(72)), (clock.StartedAt, clock.DueAt));
        Assert.Equal(ClockState.Running, clock.StateAt(Now.AddHours(23)));
        Assert.Equal(ClockState.AtRisk, clock.StateAt(Now.AddHours(24)));
        incident.RecordCveRecordPublished("CVE-2026-1234", Now.AddHours(30), "firebreak", Now.AddHours(30));
        Assert.Equal(ClockState.Met, incident.Clock(ClockKind.CveRecordPublication)!.StateAt(Now.AddDays(10)));
    }

    [Fact]
    public void RecordPublication_NotPublishedBy72Hours_Breached_AndOnlyForOwnCna()
    {
        var incident = Report();
        incident.MarkAdvisoryPublished("ADV-1", Now, SecurityPolicy.Default, "firebreak", Now, CveAuthority.OwnCna);
        Assert.Equal(ClockState.Breached, incident.Clock(ClockKind.CveRecordPublication)!.StateAt(Now.AddHours(72)));
        incident.RecordCveRecordPublished("CVE-2026-1234", Now.AddHours(73), "firebreak", Now.AddHours(73));
        Assert.Equal(ClockState.Breached, incident.Clock(ClockKind.CveRecordPublication)!.StateAt(Now.AddHours(74)));
        var github = Report();
        github.MarkAdvisoryPublished("ADV-2", Now, SecurityPolicy.Default, "firebreak", Now, CveAuthority.Github);
        Assert.Null(github.Clock(ClockKind.CveRecordPublication));
    }

    [Fact]
    public void Policy_CveWindows_MoveTheDueInstants()
    {
        var policy = SecurityPolicy.Default.WithCveWindows(TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromDays(30));
        var incident = Report();
        incident.ConfirmValid(CveAuthority.OwnCna, policy, "tom", Now);
        incident.MarkAdvisoryPublished("ADV-1", Now.AddDays(1), policy, "firebreak", Now.AddDays(1), CveAuthority.OwnCna);
        Assert.Equal(Now.AddHours(48), incident.Clock(ClockKind.CveAssignment)!.DueAt);
        Assert.Equal(Now.AddDays(2), incident.Clock(ClockKind.CveRecordPublication)!.DueAt);
        Assert.Throws<Firebreak.Domain.Common.DomainException>(() => SecurityPolicy.Default.WithCveWindows(TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void AuthorityChanged_RunningClocksNoLongerOwed_Withdrawn_StoppedOnesKept()
    {
        var incident = Report();
        incident.ConfirmValid(CveAuthority.OwnCna, SecurityPolicy.Default, "tom", Now);
        incident.MarkAdvisoryPublished("ADV-1", Now.AddDays(3), SecurityPolicy.Default, "firebreak", Now.AddDays(3), CveAuthority.OwnCna);
        Assert.False(incident.WithdrawCveClocks(CveAuthority.OwnCna, "tom", Now.AddDays(3)));

        // GitHub becomes the CNA: the record is GitHub's to publish; the assignment clock (still owed) stays.
        Assert.True(incident.WithdrawCveClocks(CveAuthority.Github, "tom", Now.AddDays(4)));
        Assert.Null(incident.Clock(ClockKind.CveRecordPublication));
        Assert.True(incident.Clock(ClockKind.CveAssignment)!.IsRunning);
        Assert.Contains(incident.Timeline, e => e.Text == "cve-record-publication clock withdrawn: the project's CVE authority is now github");

        // No authority at all: the assignment clock goes too; a second change withdraws nothing more.
        Assert.True(incident.WithdrawCveClocks(CveAuthority.None, "tom", Now.AddDays(5)));
        Assert.Null(incident.Clock(ClockKind.CveAssignment));
        Assert.False(incident.WithdrawCveClocks(CveAuthority.None, "tom", Now.AddDays(6)));

        // A clock that already stopped is history: it stays whatever the authority becomes.
        var met = Report();
        met.ConfirmValid(CveAuthority.OwnCna, SecurityPolicy.Default, "tom", Now);
        met.RecordCveId("CVE-2026-4321", "tom", Now.AddHours(5));
        Assert.False(met.WithdrawCveClocks(CveAuthority.None, "tom", Now.AddDays(1)));
        Assert.Equal(ClockState.Met, met.Clock(ClockKind.CveAssignment)!.StateAt(Now.AddDays(2)));
    }
}
