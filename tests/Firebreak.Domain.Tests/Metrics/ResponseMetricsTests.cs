using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Metrics;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Metrics;

public class ResponseMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static SlaClock Ack(DateTimeOffset start, double? hours) =>
        new(ClockKind.Acknowledgement, start, start.AddHours(24), hours is { } h ? start.AddHours(h) : null);

    private static SlaClock Fix(DateTimeOffset start, double? days) =>
        new(ClockKind.Fix, start, start.AddDays(14), days is { } d ? start.AddDays(d) : null);

    private static MetricsIncident Incident(int number, DateTimeOffset opened, Severity severity, IncidentSource source, IncidentStage stage,
        params SlaClock[] clocks) =>
        new(Guid.NewGuid(), Guid.Empty, number, IncidentKind.VulnerabilityReport, severity, source, stage, opened, null, clocks, []);

    [Fact]
    public void Figures_CountMedianP90AndShareMet_ByHand()
    {
        var start = Now.AddDays(-30);
        // Stopped after 1, 2, 5, 30 and 50 hours (the last two after the 24-hour deadline); one started 10 hours ago still runs.
        SlaClock[] clocks = [Ack(start, 1), Ack(start, 2), Ack(start, 5), Ack(start, 30), Ack(start, 50), Ack(Now.AddHours(-10), null)];

        var f = ResponseMetrics.Figures(clocks, Now);

        Assert.Equal(6, f.Count);
        Assert.Equal(5, f.Stopped);
        Assert.Equal(1, f.Open);
        Assert.Equal(TimeSpan.FromHours(5), f.Median); // nearest rank ⌈0.5·5⌉ = 3rd of 1, 2, 5, 30, 50
        Assert.Equal(TimeSpan.FromHours(50), f.P90);   // ⌈0.9·5⌉ = 5th
        Assert.Equal(3, f.Met);
        Assert.Equal(2, f.Breached);                   // the running one is not decided yet
        Assert.Equal(0.6, f.MetShare);
        Assert.Equal(TimeSpan.FromHours(5), f.EstimatedMedian); // S(5 h) = 5/6 · 4/5 · 3/4 = 0.5
        Assert.Equal(TimeSpan.FromHours(50), f.EstimatedP90);   // S(30 h) = 0.25, S(50 h) = 0
    }

    [Fact]
    public void KaplanMeier_KeepsTheCensoredClockAtRiskUntilItsAge()
    {
        var start = Now.AddDays(-30);
        SlaClock[] clocks = [Ack(start, 1), Ack(start, 2), Ack(start, 5), Ack(start, 30), Ack(start, 50), Ack(Now.AddHours(-10), null)];

        var steps = ResponseMetrics.KaplanMeier(clocks, Now);

        Assert.Equal([1.0, 2, 5, 30, 50], steps.Select(s => s.Time.TotalHours));
        Assert.Equal([6, 5, 4, 2, 1], steps.Select(s => s.AtRisk)); // the open one (10 h) left the risk set between 5 h and 30 h
        Assert.Equal(5.0 / 6, steps[0].Survival, 10);
        Assert.Equal(4.0 / 6, steps[1].Survival, 10);
        Assert.Equal(0.5, steps[2].Survival, 10);
        Assert.Equal(0.25, steps[3].Survival, 10);
        Assert.Equal(0, steps[4].Survival, 10);
    }

    [Fact]
    public void KaplanMeier_WithMostStillOpen_HasNoMedian_WhereTheClosedMedianWouldHideThem()
    {
        var start = Now.AddDays(-400);
        // Two fixed within 3 days, three open for over a year: the median of the fixed ones says 3 days.
        SlaClock[] clocks = [Fix(start, 2), Fix(start, 3), Fix(start, null), Fix(start, null), Fix(start, null)];

        var f = ResponseMetrics.Figures(clocks, Now);

        Assert.Equal(TimeSpan.FromDays(2), f.Median);
        Assert.Null(f.EstimatedMedian); // S stays at 3/5 = 0.6 after the last event
        Assert.Equal(3, f.Breached);
    }

    [Fact]
    public void NearestRank_TakesTheValueAtCeilingOfPTimesN()
    {
        var ten = Enumerable.Range(1, 10).Select(i => TimeSpan.FromHours(i)).ToList();
        Assert.Equal(TimeSpan.FromHours(5), ResponseMetrics.NearestRank(ten, 0.5));
        Assert.Equal(TimeSpan.FromHours(9), ResponseMetrics.NearestRank(ten, 0.9));
        Assert.Equal(TimeSpan.FromHours(2), ResponseMetrics.NearestRank(ten.Take(4).ToList(), 0.5));
        Assert.Null(ResponseMetrics.NearestRank([], 0.5));
    }

    [Fact]
    public void Ageing_PutsEachAgeInOneBucket_LowerBoundInclusive()
    {
        double[] days = [0.5, 1, 6, 7, 45, 90, 200];
        var buckets = ResponseMetrics.Ageing(days.Select(TimeSpan.FromDays));
        Assert.Equal(["< 1 d", "1–7 d", "7–30 d", "30–90 d", "> 90 d"], buckets.Select(b => b.Label));
        Assert.Equal([1, 2, 1, 1, 2], buckets.Select(b => b.Count));
    }

    [Fact]
    public void Compute_ScriptedYear_EveryFigureByHand()
    {
        var q1 = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var q2 = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var q3 = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var q4 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        MetricsIncident[] history =
        [
            Incident(1, new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), Severity.High, IncidentSource.Form, IncidentStage.Closed, Ack(q1.AddYears(-1), 1)), // before the period
            Incident(2, q1, Severity.High, IncidentSource.Form, IncidentStage.Closed, Ack(q1, 2), Fix(q1, 10)),
            Incident(3, q1.AddDays(1), Severity.Critical, IncidentSource.Api, IncidentStage.Closed, Ack(q1.AddDays(1), 30), Fix(q1.AddDays(1), 20)),
            Incident(4, q1.AddDays(2), Severity.Low, IncidentSource.Form, IncidentStage.Rejected, Ack(q1.AddDays(2), 4)),
            Incident(5, q2, Severity.High, IncidentSource.Webhook, IncidentStage.Closed, Ack(q2, 6), Fix(q2, 5)),
            Incident(6, q2.AddDays(1), Severity.High, IncidentSource.Form, IncidentStage.Duplicate, Ack(q2.AddDays(1), 1)),
            Incident(7, q2.AddDays(2), Severity.Medium, IncidentSource.Form, IncidentStage.Closed, Ack(q2.AddDays(2), 48), Fix(q2.AddDays(2), 12)),
            Incident(8, q3, Severity.High, IncidentSource.Api, IncidentStage.Closed, Ack(q3, 3), Fix(q3, 13)),
            Incident(9, q3.AddDays(1), Severity.Medium, IncidentSource.Watch, IncidentStage.Closed),
            Incident(10, q3.AddDays(2), Severity.High, IncidentSource.Form, IncidentStage.PostMortem, Ack(q3.AddDays(2), 8), Fix(q3.AddDays(2), 14)),
            Incident(11, q4, Severity.Critical, IncidentSource.Form, IncidentStage.Assessment, Ack(q4, 26), Fix(q4, null)), // fix open past its deadline
            Incident(12, Now.AddHours(-3), Severity.Low, IncidentSource.Api, IncidentStage.Discovery, Ack(Now.AddHours(-3), null)),
            Incident(13, Now.AddHours(-2), Severity.Medium, IncidentSource.Watch, IncidentStage.Discovery),
        ];

        var m = ResponseMetrics.Compute(history, new MetricsPeriod(new(2026, 1, 1), new(2026, 12, 31)), Now);

        Assert.Equal(12, m.Incidents);
        Assert.Equal(4, m.OpenIncidents); // #10, #11, #12, #13
        var ack = m.Of(ClockKind.Acknowledgement).All;
        // Acknowledged after 2, 30, 4, 6, 1, 48, 3, 8, 26 hours; #12 still waits (3 hours old).
        Assert.Equal((10, 9, 1), (ack.Count, ack.Stopped, ack.Open)); // #9 and #13 carry no acknowledgement clock
        Assert.Equal(TimeSpan.FromHours(6), ack.Median); // sorted 1 2 3 4 6 8 26 30 48: 5th
        Assert.Equal(TimeSpan.FromHours(48), ack.P90);   // 9th
        Assert.Equal((6, 3), (ack.Met, ack.Breached));
        Assert.Equal(6.0 / 9, ack.MetShare!.Value, 10);
        var ackHigh = m.Of(ClockKind.Acknowledgement).BySeverity.Single(s => s.Severity == Severity.High).Figures;
        Assert.Equal((5, TimeSpan.FromHours(3), 5, 0), (ackHigh.Count, ackHigh.Median!.Value, ackHigh.Met, ackHigh.Breached)); // 1 2 3 6 8

        var fix = m.Of(ClockKind.Fix);
        // Fixed after 10, 20, 5, 12, 13, 14 days; #11's fix open 36 days, past its 14 days.
        Assert.Equal((7, 6, 1), (fix.All.Count, fix.All.Stopped, fix.All.Open));
        Assert.Equal(TimeSpan.FromDays(12), fix.All.Median); // 5 10 12 13 14 20: 3rd
        Assert.Equal(TimeSpan.FromDays(20), fix.All.P90);    // 6th
        Assert.Equal((5, 2), (fix.All.Met, fix.All.Breached)); // 20 days and the open one are breached
        // Estimate: 5 10 12 13 14 events with 7..3 at risk, 20 with 2 at risk, the open one censored at 36 days.
        Assert.Equal([7, 6, 5, 4, 3, 2], fix.Survival.Select(s => s.AtRisk));
        Assert.Equal([6.0 / 7, 5.0 / 7, 4.0 / 7, 3.0 / 7, 2.0 / 7, 1.0 / 7], fix.Survival.Select(s => Math.Round(s.Survival, 12)).Select(v => v), new ToleranceComparer());
        Assert.Equal(TimeSpan.FromDays(13), fix.All.EstimatedMedian); // S(12) = 4/7, S(13) = 3/7
        Assert.Equal([0, 0, 0, 1, 0], fix.OpenAges.Select(b => b.Count)); // 36 days
        Assert.Equal([2, 0, 0, 1, 1], m.OpenIncidentAges.Select(b => b.Count)); // #12 and #13 under a day, #11 36 days, #10 127 days

        Assert.Equal(Enum.GetValues<ClockKind>().Length, m.Clocks.Count); // every kind, even the ones nobody carries
        Assert.Equal(0, m.Of(ClockKind.PostMortem).All.Count);
        Assert.Equal([6, 3, 2, 1], m.BySource.Select(t => t.Count)); // form, api, watch, webhook
        Assert.Equal(["form", "api", "watch", "webhook"], m.BySource.Select(t => t.Name));
        // Untriaged (#12, #13 in discovery), duplicate (#6); no verdict recorded on the others: other.
        Assert.Equal(["untriaged", "valid", "duplicate", "informative", "out-of-scope", "spam", "other"], m.ByVerdict.Select(t => t.Name));
        Assert.Equal([2, 0, 1, 0, 0, 0, 9], m.ByVerdict.Select(t => t.Count));
        Assert.Equal(12, m.ByKind.Single(t => t.Name == "vulnerability-report").Count);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], m.Quarters.Select(q => q.Quarter.ToString()));
        Assert.Equal([3, 3, 3, 3], m.Quarters.Select(q => q.Opened));
        var ackQ1 = m.Quarters[0].Clocks.Single(c => c.Kind == ClockKind.Acknowledgement);
        Assert.Equal((3, 2, 1, TimeSpan.FromHours(4)), (ackQ1.Count, ackQ1.Met, ackQ1.Breached, ackQ1.Median!.Value)); // 2 30 4
    }

    [Theory]
    [InlineData("2026-13-01", null, "from:")]
    [InlineData(null, "yesterday", "to:")]
    [InlineData("2026-06-01", "2026-01-01", "from:")]
    public void Period_BadDates_NameTheParameter(string? from, string? to, string field)
    {
        var e = Assert.Throws<DomainException>(() => MetricsPeriod.Parse(from, to, Now));
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_DefaultsToTheLastTwelveMonths()
    {
        var p = MetricsPeriod.Parse(null, null, Now);
        Assert.Equal((new DateOnly(2025, 12, 8), new DateOnly(2026, 12, 7)), (p.From, p.To));
        Assert.True(p.Contains(Now));
        Assert.False(p.Contains(new DateTimeOffset(2025, 12, 7, 23, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void VerdictFrom_TakesTheLastRecordedVerdict_AndDiscoveryIsUntriaged()
    {
        string[] texts = ["Stage discovery → rejected: triage verdict: out of scope", "Stage rejected → discovery: reopened", "Stage discovery → assessment: triage verdict: valid"];
        Assert.Equal(TriageVerdict.Valid, MetricsIncident.VerdictFrom(texts));
        Assert.Equal(TriageVerdict.OutOfScope, MetricsIncident.VerdictFrom(texts.Take(2)));
        Assert.Equal(TriageVerdict.Informative, MetricsIncident.VerdictFrom(["Stage discovery → rejected: triage verdict: not a vulnerability (informative)"]));
        Assert.Null(MetricsIncident.VerdictFrom(["Stage discovery → assessment"]));
        var reopened = Incident(1, Now, Severity.Low, IncidentSource.Form, IncidentStage.Discovery) with { RecordedVerdict = TriageVerdict.OutOfScope };
        Assert.Equal(TriageVerdict.Untriaged, reopened.Verdict);
    }

    [Fact]
    public void CvesFrom_TakesTheFirstDetailsEntryNamingIt()
    {
        var opened = Now.AddDays(-10);
        var cves = MetricsIncident.CvesFrom(["CVE-2026-1111", "GHSA-abcd-efgh-ijkl", "CVE-2026-2222"],
            [(Now.AddDays(-2), "Details: identifiers CVE-2026-1111 → CVE-2026-1111, CVE-2026-2222"), (Now.AddDays(-5), "Details: identifiers none → CVE-2026-1111")], opened);
        Assert.Equal([new CveAssignment("CVE-2026-1111", Now.AddDays(-5)), new CveAssignment("CVE-2026-2222", Now.AddDays(-2))], cves);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;
        public int GetHashCode(double obj) => 0;
    }
}
