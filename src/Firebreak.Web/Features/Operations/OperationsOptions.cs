namespace Firebreak.Web.Features.Operations;

/// <summary>
/// <c>Telemetry:*</c>: the Prometheus scrape endpoint (off by default; protected by a bearer token, or open to
/// administrators only when no token is set) and an OTLP endpoint for traces and metrics (off when empty).
/// </summary>
internal sealed class TelemetryOptions
{
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>Where traces and metrics are pushed over OTLP (http://collector:4317); empty sends nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool Enabled => Prometheus.Enabled || !string.IsNullOrWhiteSpace(OtlpEndpoint);
}

internal sealed class PrometheusOptions
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>The bearer token a scraper sends; without one, only a signed-in administrator (cookie or API token) may read.</summary>
    public string? Token { get; set; }
}

/// <summary><c>Health:*</c>: when readiness calls a failing worker unhealthy, and when a waiting queue makes it degraded.</summary>
internal sealed class HealthOptions
{
    /// <summary>A worker whose passes have failed for this long since its last good pass (or its start) is unhealthy.</summary>
    public TimeSpan WorkerFailingFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Mail due for this long and still not sent makes readiness degraded (still 200).</summary>
    public TimeSpan QueueAgeLimit { get; set; } = TimeSpan.FromMinutes(30);
}
