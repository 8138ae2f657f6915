using System.Globalization;
using System.Text;
using Firebreak.Domain.Common;
using Firebreak.Domain.Metrics;

namespace Firebreak.Web.Features.Metrics;

/// <summary>The wire form of the response metrics: durations in hours, names in kebab-case.</summary>
internal sealed record MetricsJson(string? Project, string From, string To, DateTimeOffset Now, int Incidents, int OpenIncidents,
    IReadOnlyList<MetricsJson.ClockJson> Clocks, IReadOnlyList<AgeingBucket> OpenIncidentAges,
    IReadOnlyList<Tally> ByKind, IReadOnlyList<Tally> BySource, IReadOnlyList<Tally> ByVerdict, IReadOnlyList<MetricsJson.QuarterJson> Quarters)
{
    internal sealed record FiguresJson(string? Severity, int Count, int Stopped, int Open, double? MedianHours, double? P90Hours, int Met, int Breached,
        double? MetShare, double? EstimatedMedianHours, double? EstimatedP90Hours);

    internal sealed record StepJson(double Hours, int AtRisk, int Events, int Censored, double Survival);

    internal sealed record ClockJson(string Kind, FiguresJson All, IReadOnlyList<FiguresJson> BySeverity, IReadOnlyList<StepJson> Survival,
        IReadOnlyList<AgeingBucket> OpenAges);

    internal sealed record QuarterClockJson(string Kind, int Count, int Met, int Breached, double? MedianHours);

    internal sealed record QuarterJson(string Quarter, int Opened, IReadOnlyList<QuarterClockJson> Clocks);

    public static MetricsJson Of(string? project, ResponseMetrics m) => new(project, Day(m.Period.From), Day(m.Period.To), m.Now, m.Incidents, m.OpenIncidents,
        [.. m.Clocks.Select(c => new ClockJson(c.Kind.ToWire(), Figures(null, c.All), [.. c.BySeverity.Select(s => Figures(s.Severity?.ToWire(), s.Figures))],
            [.. c.Survival.Select(s => new StepJson(s.Time.TotalHours, s.AtRisk, s.Events, s.Censored, s.Survival))], c.OpenAges))],
        m.OpenIncidentAges, m.ByKind, m.BySource, m.ByVerdict,
        [.. m.Quarters.Select(q => new QuarterJson(q.Quarter.ToString(), q.Opened,
            [.. q.Clocks.Select(c => new QuarterClockJson(c.Kind.ToWire(), c.Count, c.Met, c.Breached, c.Median?.TotalHours))]))]);

    private static FiguresJson Figures(string? severity, ClockFigures f) => new(severity, f.Count, f.Stopped, f.Open, f.Median?.TotalHours, f.P90?.TotalHours,
        f.Met, f.Breached, f.MetShare, f.EstimatedMedian?.TotalHours, f.EstimatedP90?.TotalHours);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The metrics as one CSV table (RFC 4180, CRLF): a <c>section</c> column says what each row is (clock, open-age, kind,
    /// source, verdict, quarter); columns a row has no value for are empty. Every cell is a fixed name or a number.
    /// </summary>
    public static string Csv(ResponseMetrics m)
    {
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        Row("section", "clock", "severity", "name", "count", "stopped", "open", "median_hours", "p90_hours", "met", "breached", "met_share",
            "estimated_median_hours", "estimated_p90_hours");
        foreach (var c in m.Clocks)
        {
            foreach (var (severity, f) in c.BySeverity.Select(s => (s.Severity?.ToWire(), s.Figures)).Append(("all", c.All)))
            {
                Row("clock", c.Kind.ToWire(), severity, null, f.Count, f.Stopped, f.Open, f.Median?.TotalHours, f.P90?.TotalHours, f.Met, f.Breached, f.MetShare,
                    f.EstimatedMedian?.TotalHours, f.EstimatedP90?.TotalHours);
            }
        }
        foreach (var b in m.OpenIncidentAges) Row("open-age", null, null, b.Label, b.Count);
        foreach (var t in m.ByKind) Row("kind", null, null, t.Name, t.Count);
        foreach (var t in m.BySource) Row("source", null, null, t.Name, t.Count);
        foreach (var t in m.ByVerdict) Row("verdict", null, null, t.Name, t.Count);
        foreach (var q in m.Quarters)
        {
            Row("quarter", null, null, q.Quarter.ToString(), q.Opened);
            foreach (var c in q.Clocks) Row("quarter", c.Kind.ToWire(), "all", q.Quarter.ToString(), c.Count, null, null, c.Median?.TotalHours, null, c.Met, c.Breached);
        }
        return csv.ToString();

        static string Cell(object? value) => value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            string s when s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) => $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
            _ => value.ToString() ?? "",
        };
    }
}

/// <summary>The wire form of the CNA-readiness report.</summary>
internal sealed record CnaJson(string Project, DateTimeOffset Now, bool Ready, IReadOnlyList<CnaTrigger> Triggers, IReadOnlyList<CnaJson.QuarterJson> Quarters,
    IReadOnlyList<CnaJson.DisclosureJson> Disclosures, IReadOnlyList<CnaChannel> Channels, CnaApplication Application)
{
    internal sealed record QuarterJson(string Quarter, IReadOnlyList<string> Cves);

    internal sealed record DisclosureJson(string CveId, int Incident, DateTimeOffset ReportedAt, DateTimeOffset PublishedAt, double Days, bool WithinTarget);

    public static CnaJson From(string project, CnaReadiness r, CnaApplication application) => new(project, r.Now, r.Ready, r.Triggers,
        [.. r.Quarters.Select(q => new QuarterJson(q.Quarter.ToString(), q.Cves))],
        [.. r.Disclosures.Select(d => new DisclosureJson(d.CveId, d.IncidentNumber, d.ReportedAt, d.PublishedAt, d.Days, d.WithinTarget))],
        r.Channels, application);
}
