using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Background;
using Firebreak.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Firebreak.Web.Features.Operations;

/// <summary>
/// What an operator watches: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, migrations,
/// background workers, queues; 503 with the failing check named), Firebreak's gauges and counters, OpenTelemetry
/// metrics and traces for ASP.NET Core, EF Core and HttpClient with an optional Prometheus scrape endpoint and OTLP
/// export, and the server lock <c>admin restore</c> looks for.
/// </summary>
internal static class OperationsSetup
{
    public const string MetricsPolicy = "metrics";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<WorkerPasses>();
        services.TryAddSingleton<FirebreakMetrics>();
        services.AddSingleton<OperationalGauges>();
        services.Configure<HealthOptions>(builder.Configuration.GetSection("Health"));
        services.Configure<TelemetryOptions>(builder.Configuration.GetSection("Telemetry"));
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<MigrationsCheck>("migrations", tags: [Ready])
            .AddCheck<WorkersCheck>("workers", tags: [Ready])
            .AddCheck<QueuesCheck>("queues", tags: [Ready]);
        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p.RequireAssertion(context =>
            context.Resource is HttpContext http && MayScrape(http, context.User)));

        var telemetry = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!telemetry.Enabled) return builder;
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("firebreak"));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(FirebreakMetrics.MeterName, "Microsoft.EntityFrameworkCore")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation();
            if (telemetry.Prometheus.Enabled) metrics.AddPrometheusExporter();
            if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint)) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(telemetry.OtlpEndpoint));
        });
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            otel.WithTracing(tracing => tracing
                // Paths carry capability tokens (/r/{token}) and outbound URLs carry webhook secrets: spans keep the route and the host only.
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
                    o.EnrichWithHttpResponse = (activity, response) => activity.SetTag("url.path", RouteOf(response.HttpContext));
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", request.RequestUri is { } uri ? $"{uri.Scheme}://{uri.Authority}/" : null))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(telemetry.OtlpEndpoint)));
        }
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.Services.GetRequiredService<OperationalGauges>(); // the gauges exist from the start, whoever reads them
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
        var prometheus = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (prometheus.Enabled) app.MapPrometheusScrapingEndpoint(prometheus.Path).RequireAuthorization(MetricsPolicy);
        return app;
    }

    /// <summary>The configured bearer token, compared in fixed time; without one, a signed-in administrator.</summary>
    private static bool MayScrape(HttpContext http, System.Security.Claims.ClaimsPrincipal user)
    {
        var token = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus.Token;
        if (string.IsNullOrEmpty(token)) return user.HasClaim(CurrentUser.AdminClaim, "true");
        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static string RouteOf(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>{"status":"Unhealthy","checks":[{"name":"database","status":"Unhealthy","description":"…","data":{…}}]}.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
