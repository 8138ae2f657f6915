using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Metrics;

namespace Firebreak.Web.Features.Metrics;

/// <summary>A horizontal bar chart drawn on the server as SVG, shown with its data table (the table is the accessible form).</summary>
internal sealed record BarChart(string Id, string Title, string LabelHeader, string ValueHeader, IReadOnlyList<BarChart.Bar> Bars)
{
    internal sealed record Bar(string Label, double Value, string Text);

    public const double Width = 600, LabelWidth = 150, BarArea = 360, RowHeight = 26;

    public double Height => Bars.Count * RowHeight + 8;

    public double Max => Bars.Count == 0 ? 1 : Math.Max(Bars.Max(b => b.Value), 1e-9);

    public double BarWidth(Bar bar) => bar.Value <= 0 ? 0 : Math.Max(2, bar.Value / Max * BarArea);
}

/// <summary>A Kaplan–Meier curve as a step line, with its table of steps.</summary>
internal sealed record SurvivalChart(string Id, string Title, IReadOnlyList<SurvivalStep> Steps, TimeSpan Longest)
{
    public const double Width = 600, Height = 220, Left = 44, Bottom = 30, Top = 10, Right = 14;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    public double Span => Math.Max(Longest.TotalHours, Steps.Count == 0 ? 1 : Steps[^1].Time.TotalHours) is var h && h > 0 ? h : 1;

    public double X(double hours) => Left + hours / Span * PlotWidth;

    public static double Y(double survival) => Top + (1 - survival) * PlotHeight;

    /// <summary>The polyline's points: from 100 % at zero, down a step at each event, flat to the longest observation.</summary>
    public string Points
    {
        get
        {
            var points = new List<string> { P(X(0), Y(1)) };
            var survival = 1.0;
            foreach (var step in Steps)
            {
                points.Add(P(X(step.Time.TotalHours), Y(survival)));
                survival = step.Survival;
                points.Add(P(X(step.Time.TotalHours), Y(survival)));
            }
            points.Add(P(X(Span), Y(survival)));
            return string.Join(' ', points);
        }
    }

    private static string P(double x, double y) => $"{Charts.N(x)},{Charts.N(y)}";
}

/// <summary>Formatting shared by the metrics views (public face: the project's public policy page states times the same way).</summary>
[PublicFace]
internal static class Charts
{
    /// <summary>A number for an SVG attribute (invariant, one decimal).</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A duration for people: "3 h", "2.5 d"; "—" for none.</summary>
    public static string Time(TimeSpan? value) => value switch
    {
        null => "—",
        { TotalHours: < 48 } v => $"{v.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        var v => $"{v.Value.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} d",
    };

    /// <summary>A share as a percentage; "—" for none.</summary>
    public static string Share(double? value) => value is { } v ? $"{(v * 100).ToString("0", CultureInfo.InvariantCulture)} %" : "—";

    /// <summary>The display name of a clock kind.</summary>
    public static string Name(Domain.Incidents.ClockKind kind) => kind.ToWire().Replace('-', ' ');

    /// <summary>The bar charts of a metrics report that have one value per name.</summary>
    public static BarChart MedianChart(ResponseMetrics m) => new("chart-median", "Median time to stop, per clock (stopped clocks)", "Clock", "Median",
        [.. m.Clocks.Where(c => c.All.Count > 0).Select(c => new BarChart.Bar(Name(c.Kind), c.All.Median?.TotalHours ?? 0, Time(c.All.Median)))]);

    public static BarChart AgeingChart(ResponseMetrics m) => new("chart-ageing", "Open incidents by age", "Age", "Open incidents",
        [.. m.OpenIncidentAges.Select(b => new BarChart.Bar(b.Label, b.Count, b.Count.ToString(CultureInfo.InvariantCulture)))]);

    public static BarChart TallyChart(string id, string title, string header, IReadOnlyList<Tally> tallies) => new(id, title, header, "Incidents",
        [.. tallies.Select(t => new BarChart.Bar(t.Name, t.Count, t.Count.ToString(CultureInfo.InvariantCulture)))]);

    public static BarChart QuarterChart(ResponseMetrics m) => new("chart-quarters", "Incidents opened per quarter", "Quarter", "Opened",
        [.. m.Quarters.Select(q => new BarChart.Bar(q.Quarter.ToString(), q.Opened, q.Opened.ToString(CultureInfo.InvariantCulture)))]);

    public static SurvivalChart Survival(ResponseMetrics m, ClockKindMetrics c)
    {
        var open = m.Incidents == 0 ? TimeSpan.Zero : c.Survival.Count == 0 ? TimeSpan.FromHours(1) : c.Survival[^1].Time;
        return new($"survival-{c.Kind.ToWire()}", $"Share of {Name(c.Kind)} clocks still running, by time since start (Kaplan–Meier)", c.Survival, open);
    }
}
