using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Metrics;

/// <summary>
/// The figures for one clock kind over one group of clocks (one severity, or all of them).
/// </summary>
/// <param name="Count">Clocks of the kind that started on incidents opened in the period.</param>
/// <param name="Stopped">Of those, how many stopped (their event happened) by now.</param>
/// <param name="Open">Of those, how many still run at now (censored in the estimate).</param>
/// <param name="Median">Median time from start to stop over the stopped clocks (nearest rank), null when none stopped.</param>
/// <param name="P90">90th percentile of the same (nearest rank), null when none stopped.</param>
/// <param name="Met">Stopped on or before due.</param>
/// <param name="Breached">Stopped after due, or still running past due at now.</param>
/// <param name="MetShare">Met ÷ (met + breached): the share decided within the deadline; null while nothing is decided.</param>
/// <param name="EstimatedMedian">The Kaplan–Meier median: the first time at which the estimated share still running is 50 % or less; null when the estimate never gets there (more than half still open at their ages).</param>
/// <param name="EstimatedP90">The Kaplan–Meier 90th percentile: the first time at which the estimate is 10 % or less.</param>
public sealed record ClockFigures(int Count, int Stopped, int Open, TimeSpan? Median, TimeSpan? P90, int Met, int Breached, double? MetShare,
    TimeSpan? EstimatedMedian, TimeSpan? EstimatedP90);

/// <summary>One step of a Kaplan–Meier curve: at <paramref name="Time"/>, <paramref name="Events"/> of <paramref name="AtRisk"/> clocks stopped, leaving <paramref name="Survival"/> still running.</summary>
public sealed record SurvivalStep(TimeSpan Time, int AtRisk, int Events, int Censored, double Survival);

/// <summary>The figures for one severity (null: every severity) of one clock kind.</summary>
public sealed record SeverityFigures(Severity? Severity, ClockFigures Figures);

/// <summary>How long the open ones have been open, in the fixed buckets of <see cref="ResponseMetrics.AgeingBounds"/>.</summary>
public sealed record AgeingBucket(string Label, int Count);

/// <summary>Everything about one clock kind: per severity, the total, the survival curve, and the ages of the open clocks.</summary>
public sealed record ClockKindMetrics(ClockKind Kind, IReadOnlyList<SeverityFigures> BySeverity, ClockFigures All,
    IReadOnlyList<SurvivalStep> Survival, IReadOnlyList<AgeingBucket> OpenAges);

/// <summary>A count under a name (a kind, a source, a verdict).</summary>
public sealed record Tally(string Name, int Count);

/// <summary>One quarter's figures: incidents opened, and per clock kind the clocks started that quarter and how they went.</summary>
public sealed record QuarterFigures(Quarter Quarter, int Opened, IReadOnlyList<QuarterClock> Clocks);

/// <summary>A clock kind's figures in one quarter: the clocks of the incidents opened that quarter.</summary>
public sealed record QuarterClock(ClockKind Kind, int Count, int Met, int Breached, TimeSpan? Median);

/// <summary>
/// The response metrics of a set of incidents for a period, at an instant. The population is the incidents opened in the
/// period; their clocks are measured with every event up to <see cref="Now"/>, and a clock still running at now is
/// censored there (it counts in the survival estimate as "at least this long", never dropped).
/// </summary>
public sealed record ResponseMetrics(MetricsPeriod Period, DateTimeOffset Now, int Incidents, int OpenIncidents,
    IReadOnlyList<ClockKindMetrics> Clocks, IReadOnlyList<AgeingBucket> OpenIncidentAges,
    IReadOnlyList<Tally> ByKind, IReadOnlyList<Tally> BySource, IReadOnlyList<Tally> ByVerdict, IReadOnlyList<QuarterFigures> Quarters)
{
    /// <summary>The ageing buckets: under 1 day, 1–7 days, 7–30 days, 30–90 days, over 90 days (lower bound inclusive).</summary>
    public static IReadOnlyList<(string Label, TimeSpan From, TimeSpan? To)> AgeingBounds { get; } =
    [
        ("< 1 d", TimeSpan.Zero, TimeSpan.FromDays(1)),
        ("1–7 d", TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
        ("7–30 d", TimeSpan.FromDays(7), TimeSpan.FromDays(30)),
        ("30–90 d", TimeSpan.FromDays(30), TimeSpan.FromDays(90)),
        ("> 90 d", TimeSpan.FromDays(90), null),
    ];

    /// <summary>The figures of one clock kind.</summary>
    public ClockKindMetrics Of(ClockKind kind) => Clocks.First(c => c.Kind == kind);

    /// <summary>Computes the metrics of the incidents opened in <paramref name="period"/>, measured at <paramref name="now"/>.</summary>
    public static ResponseMetrics Compute(IEnumerable<MetricsIncident> incidents, MetricsPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(period);
        var population = incidents.Where(i => period.Contains(i.OpenedAt) && i.OpenedAt <= now).OrderBy(i => i.OpenedAt).ToList();
        var clocks = new List<ClockKindMetrics>();
        foreach (var kind in Enum.GetValues<ClockKind>())
        {
            var ofKind = population.SelectMany(i => i.Clocks.Where(c => c.Kind == kind).Select(c => (i.Severity, Clock: c))).ToList();
            var bySeverity = Enum.GetValues<Severity>()
                .Select(s => new SeverityFigures(s, Figures(ofKind.Where(c => c.Severity == s).Select(c => c.Clock).ToList(), now)))
                .ToList();
            var all = ofKind.Select(c => c.Clock).ToList();
            clocks.Add(new ClockKindMetrics(kind, bySeverity, Figures(all, now), KaplanMeier(all, now),
                Ageing(all.Where(c => c.StoppedAt is null).Select(c => now - c.StartedAt))));
        }
        var open = population.Where(i => i.IsOpen).ToList();
        return new ResponseMetrics(period, now, population.Count, open.Count, clocks,
            Ageing(open.Select(i => now - i.OpenedAt)),
            Tallies(population, i => i.Kind), Tallies(population, i => i.Source), Tallies(population, i => i.Verdict),
            QuartersOf(population, period, now));
    }

    /// <summary>The figures of a group of clocks at <paramref name="now"/>.</summary>
    public static ClockFigures Figures(IReadOnlyList<SlaClock> clocks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        var durations = clocks.Where(c => c.StoppedAt is not null).Select(c => c.StoppedAt!.Value - c.StartedAt).Order().ToList();
        var met = clocks.Count(c => c.StateAt(now) == ClockState.Met);
        var breached = clocks.Count(c => c.StateAt(now) == ClockState.Breached);
        var curve = KaplanMeier(clocks, now);
        return new ClockFigures(clocks.Count, durations.Count, clocks.Count - durations.Count,
            NearestRank(durations, 0.5), NearestRank(durations, 0.9), met, breached,
            met + breached == 0 ? null : (double)met / (met + breached),
            curve.FirstOrDefault(s => s.Survival <= 0.5)?.Time, curve.FirstOrDefault(s => s.Survival <= 0.1)?.Time);
    }

    /// <summary>
    /// The nearest-rank percentile of sorted values: the value at position ⌈p·n⌉ (1-based); null for none. The median
    /// of 4 values is the 2nd, of 5 the 3rd; the 90th percentile of 10 is the 9th.
    /// </summary>
    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>
    /// The Kaplan–Meier estimate of the share of clocks still running after each time: every clock is observed from its
    /// start to its stop (an event) or, still running, to <paramref name="now"/> (censored: it leaves the risk set after
    /// that time without counting as stopped). At each distinct time with an event, S ← S × (1 − events ÷ at risk);
    /// clocks censored at the same time as an event are still at risk at it.
    /// </summary>
    public static IReadOnlyList<SurvivalStep> KaplanMeier(IEnumerable<SlaClock> clocks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        var observations = clocks
            .Select(c => (Time: (c.StoppedAt ?? now) - c.StartedAt, Event: c.StoppedAt is not null))
            .Select(o => (Time: o.Time < TimeSpan.Zero ? TimeSpan.Zero : o.Time, o.Event))
            .OrderBy(o => o.Time).ToList();
        var steps = new List<SurvivalStep>();
        var atRisk = observations.Count;
        var survival = 1.0;
        foreach (var group in observations.GroupBy(o => o.Time))
        {
            var events = group.Count(o => o.Event);
            var censored = group.Count() - events;
            if (events > 0)
            {
                survival *= 1 - (double)events / atRisk;
                steps.Add(new SurvivalStep(group.Key, atRisk, events, censored, survival));
            }
            atRisk -= events + censored;
        }
        return steps;
    }

    /// <summary>Counts ages into the <see cref="AgeingBounds"/> buckets.</summary>
    public static IReadOnlyList<AgeingBucket> Ageing(IEnumerable<TimeSpan> ages)
    {
        var list = ages.ToList();
        return [.. AgeingBounds.Select(b => new AgeingBucket(b.Label, list.Count(a => a >= b.From && (b.To is null || a < b.To))))];
    }

    private static List<Tally> Tallies<T>(List<MetricsIncident> population, Func<MetricsIncident, T> key) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Tally(Common.WireNames.ToWire(v), population.Count(i => key(i).Equals(v))))];

    private static List<QuarterFigures> QuartersOf(List<MetricsIncident> population, MetricsPeriod period, DateTimeOffset now)
    {
        var list = new List<QuarterFigures>();
        var last = Quarter.Of(period.End.AddTicks(-1));
        for (var q = Quarter.Of(period.Start); q <= last; q = q.Next)
        {
            var quarter = q;
            var opened = population.Where(i => Quarter.Of(i.OpenedAt) == quarter).ToList();
            var kinds = new List<QuarterClock>();
            foreach (var kind in Enum.GetValues<ClockKind>())
            {
                var clocks = opened.SelectMany(i => i.Clocks.Where(c => c.Kind == kind)).ToList();
                var figures = Figures(clocks, now);
                kinds.Add(new QuarterClock(kind, figures.Count, figures.Met, figures.Breached, figures.Median));
            }
            list.Add(new QuarterFigures(quarter, opened.Count, kinds));
        }
        return list;
    }
}
