using Firebreak.Domain.Incidents;
using Firebreak.Domain.Metrics;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Metrics;

public class CnaReadinessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly CnaContactFacts TwoChannels = new(["security@example.org"], ReportFormOpen: true, PublishedAdvisories: 0);

    /// <summary>A reported vulnerability with a CVE recorded <paramref name="cveAfterDays"/> after opening and published after <paramref name="publishedAfterDays"/>.</summary>
    private static MetricsIncident WithCve(int number, DateTimeOffset opened, string cve, double cveAfterDays, double? publishedAfterDays) =>
        new(Guid.NewGuid(), Guid.Empty, number, IncidentKind.VulnerabilityReport, Severity.High, IncidentSource.Form, IncidentStage.PostMortem, opened, null,
            [new SlaClock(ClockKind.Disclosure, opened, opened.AddDays(90), publishedAfterDays is { } d ? opened.AddDays(d) : null)],
            [new CveAssignment(cve, opened.AddDays(cveAfterDays))]);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoHistory_EveryTriggerNotYet_WithItsReason()
    {
        var report = CnaReadiness.Measure([], new CnaContactFacts([], false, 0), Now);

        Assert.False(report.Ready);
        Assert.All(report.Triggers, t => Assert.False(t.Met));
        Assert.Equal("Not yet: no CVE has been recorded on any incident; 4 consecutive quarters with at least one CVE each are needed.", report.Triggers[0].Reason);
        Assert.StartsWith("Not yet: no CVE has been published", report.Triggers[1].Reason, StringComparison.Ordinal);
        Assert.Equal("Not yet: channels in place: none; missing a security contact for security.txt (set one in the project's settings) and an open report form or a public advisory on the advisories page.",
            report.Triggers[2].Reason);
    }

    [Fact]
    public void GapQuarter_AndLateDisclosure_AreNamed()
    {
        MetricsIncident[] history =
        [
            WithCve(1, At(2026, 1, 10), "CVE-2026-0001", 2, 40),
            WithCve(2, At(2026, 4, 10), "CVE-2026-0002", 3, 120), // published 120 days after the report
            // no CVE in 2026-Q3
            WithCve(3, At(2026, 10, 5), "CVE-2026-0003", 1, 30),
            WithCve(4, At(2026, 11, 1), "CVE-2026-0004", 1, null), // not yet published
        ];

        var report = CnaReadiness.Measure(history, TwoChannels, Now);

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], report.Quarters.Select(q => q.Quarter.ToString()));
        Assert.Equal([1, 1, 0, 2], report.Quarters.Select(q => q.Cves.Count));
        Assert.Equal("Not yet: the longest run of consecutive quarters with at least one CVE is 2 (2026-Q1 to 2026-Q2); 4 are needed. Quarters without a CVE: 2026-Q3.",
            report.Triggers[0].Reason);
        Assert.Equal([40.0, 120, 30], report.Disclosures.Select(d => d.Days));
        Assert.Equal("Not yet: 2 of 3 published CVEs went public within 90 days of the report; 4 are needed. Published later than 90 days: CVE-2026-0002 (120 days).",
            report.Triggers[1].Reason);
        Assert.True(report.Triggers[2].Met);
        Assert.Equal("Met: the security.txt contact and the report form.", report.Triggers[2].Reason);
        Assert.False(report.Ready);
    }

    [Fact]
    public void FourQuartersAndFourTimelyDisclosures_AreMet()
    {
        MetricsIncident[] history =
        [
            WithCve(1, At(2026, 1, 10), "CVE-2026-0001", 2, 40),
            WithCve(2, At(2026, 4, 10), "CVE-2026-0002", 3, 120),
            WithCve(3, At(2026, 7, 10), "CVE-2026-0005", 3, 90), // exactly 90 days counts
            WithCve(4, At(2026, 10, 5), "CVE-2026-0003", 1, 30),
            WithCve(5, At(2026, 11, 1), "CVE-2026-0004", 1, 20),
        ];

        var report = CnaReadiness.Measure(history, new CnaContactFacts(["security@example.org"], false, 2), Now);

        Assert.Equal("Met: 4 consecutive quarters with at least one CVE (2026-Q1 to 2026-Q4).", report.Triggers[0].Reason);
        Assert.Equal("Met: 4 CVEs published within 90 days of the report. Published later than 90 days: CVE-2026-0002 (120 days).", report.Triggers[1].Reason);
        Assert.Equal("Met: the security.txt contact and the advisories page.", report.Triggers[2].Reason);
        Assert.True(report.Ready);
    }

    [Fact]
    public void Application_FieldsComeFromTheProject()
    {
        var app = CnaApplication.Prepare("Springtale", "springtale", ["pkg:cargo/springtale"], ["https://example.org/sec", "security@springtale.dev"], "https://fb.example");
        Assert.Equal("security@springtale.dev", app.SecurityContact);
        Assert.Equal("https://fb.example/p/springtale/policy", app.DisclosurePolicyUrl);
        Assert.Equal("https://fb.example/p/springtale/advisories", app.DisclosureVenue);
        Assert.Contains("pkg:cargo/springtale", app.ScopeStatement, StringComparison.Ordinal);
    }
}
