using System.Diagnostics.Metrics;

namespace Firebreak.Web.Infrastructure.Telemetry;

/// <summary>
/// Firebreak's own meter (<c>Firebreak</c>), made through the host's meter factory so it lives and dies with this
/// server. Counters are added where the event happens; the gauges read the database when a reader collects them
/// (the Operations feature registers them). Nothing here carries a name, an address or report text: only counts and ages.
/// </summary>
internal sealed class FirebreakMetrics
{
    public const string MeterName = "Firebreak";

    private readonly Counter<long> _reportsAccepted;

    public FirebreakMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _reportsAccepted = Meter.CreateCounter<long>("firebreak.reports.accepted", "{report}", "Reports accepted and durably filed by intake (web form and API)");
    }

    public Meter Meter { get; }

    /// <summary>A report was committed and its reporter answered.</summary>
    public void ReportAccepted() => _reportsAccepted.Add(1);
}
