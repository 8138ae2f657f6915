using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Incidents;

public class DisclosureWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Reporter Jo = new("jo@example.org", CreditPreference.Handle, "@jo", consent: true);

    private static Incident Report(Reporter? reporter = null) =>
        Incident.Open(Guid.NewGuid(), 7, IncidentKind.VulnerabilityReport, "Leak", "", Severity.High, null, reporter ?? Jo, SecurityPolicy.Default, "alice", Now);

    [Fact]
    public void Opening_PlansDisclosureNinetyDaysAfterTheReport()
    {
        Assert.Equal(Now.AddDays(90), Report().DisclosureDue);
    }

    [Fact]
    public void Extension_RecordsOldNewWhoAgreedAndWhy()
    {
        var incident = Report();
        var later = Now.AddDays(120);
        incident.MoveDisclosure(later, "the fix needs a protocol change", DisclosureAgreement.Reporter | DisclosureAgreement.Maintainers, "bob", Now.AddDays(3));

        Assert.Equal(later, incident.DisclosureDue);
        var entry = incident.Timeline[^1];
        Assert.Equal(TimelineKind.Disclosure, entry.Kind);
        Assert.Equal("bob", entry.Actor);
        Assert.Equal("Disclosure extended: 2027-03-01 09:00:00Z → 2027-03-31 09:00:00Z; agreed by the reporter and the maintainers; reason: the fix needs a protocol change", entry.Text);
    }

    [Fact]
    public void Shortening_IsNamedAsSuch()
    {
        var incident = Report();
        incident.MoveDisclosure(Now.AddDays(30), "fix is out early", DisclosureAgreement.Maintainers, "bob", Now.AddDays(1));
        Assert.StartsWith("Disclosure shortened: 2027-03-01 09:00:00Z → 2026-12-31 09:00:00Z; agreed by the maintainers;", incident.Timeline[^1].Text);
    }

    [Theory]
    [InlineData("", DisclosureAgreement.Maintainers, 10, "reason:")]
    [InlineData("why", DisclosureAgreement.None, 10, "agreedBy:")]
    [InlineData("why", (DisclosureAgreement)8, 10, "agreedBy:")]
    [InlineData("why", DisclosureAgreement.Maintainers, -1, "dueAt:")]
    [InlineData("why", DisclosureAgreement.Maintainers, 4000, "dueAt:")]
    public void BadMoves_AreRefusedNamingTheField(string reason, DisclosureAgreement agreed, int days, string field)
    {
        var incident = Report();
        var before = incident.Version;
        var e = Assert.Throws<DomainException>(() => incident.MoveDisclosure(Now.AddDays(days), reason, agreed, "bob", Now));
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, incident.Version);
        Assert.Equal(Now.AddDays(90), incident.DisclosureDue);
    }

    [Fact]
    public void ReporterAgreement_NeedsAReporter()
    {
        var incident = Incident.Open(Guid.NewGuid(), 1, IncidentKind.VulnerabilityReport, "t", "", Severity.Low, null, null, SecurityPolicy.Default, "a", Now);
        var e = Assert.Throws<DomainException>(() => incident.MoveDisclosure(Now.AddDays(10), "x", DisclosureAgreement.Reporter, "a", Now));
        Assert.Contains("no reporter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActiveExploitation_ShortensToThePolicyWindow_AndOnlyOnce()
    {
        var incident = Report();
        var at = Now.AddDays(5);
        incident.ReportActiveExploitation("https://example.org/in-the-wild", SecurityPolicy.Default, "carol", at);

        Assert.True(incident.ActivelyExploited);
        Assert.Equal(at.UtcDateTime, incident.ExploitedAt);
        Assert.Equal(at.AddDays(7), incident.DisclosureDue);
        Assert.Contains("disclosure shortened by policy (7d under active exploitation): 2027-03-01 09:00:00Z → 2026-12-13 09:00:00Z", incident.Timeline[^1].Text, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => incident.ReportActiveExploitation("again", SecurityPolicy.Default, "carol", at));
    }

    [Fact]
    public void ActiveExploitation_NeverMovesAnEarlierDateLater()
    {
        var incident = Report();
        incident.MoveDisclosure(Now.AddDays(2), "fix ready", DisclosureAgreement.Maintainers, "bob", Now);
        incident.ReportActiveExploitation("seen in logs", SecurityPolicy.Default, "carol", Now.AddHours(1));
        Assert.Equal(Now.AddDays(2), incident.DisclosureDue);
        Assert.DoesNotContain("shortened", incident.Timeline[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Publication_StopsTheClock_AndTheDateBecomesHistory()
    {
        var incident = Report();
        incident.MarkAdvisoryPublished("FBK-1", Now.AddDays(20), SecurityPolicy.Default, "firebreak", Now.AddDays(20).AddMinutes(2));
        Assert.Equal(Now.AddDays(20), incident.Clock(ClockKind.Disclosure)!.StoppedAt);
        Assert.Equal("Advisory FBK-1 published (public since 2026-12-21 09:00:00Z); disclosure clock stopped (met)", incident.Timeline.Last(e => e.Kind == TimelineKind.Advisory).Text);
        Assert.Throws<DomainException>(() => incident.MoveDisclosure(Now.AddDays(40), "x", DisclosureAgreement.Maintainers, "bob", Now.AddDays(21)));
    }

    [Fact]
    public void ExploitedWindow_CannotExceedTheNormalWindow_AndFollowsItDown()
    {
        Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithExploitedDisclosureWindow(TimeSpan.FromDays(91)));
        var policy = SecurityPolicy.Default.WithWindows(TimeSpan.FromHours(24), TimeSpan.FromDays(14), TimeSpan.FromDays(14), TimeSpan.FromDays(5));
        Assert.Equal(TimeSpan.FromDays(5), policy.ExploitedDisclosureWindow);
    }
}
