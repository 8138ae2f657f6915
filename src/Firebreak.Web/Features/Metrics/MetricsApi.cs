using Firebreak.Domain.Common;
using System.Text;
using Firebreak.Domain.Metrics;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Metrics;

/// <summary>
/// <c>/api/v1/projects/{slug}/metrics</c> (JSON, or CSV with format=csv) and <c>/api/v1/projects/{slug}/cna-readiness</c>
/// need ProjectRead; <c>/api/v1/metrics</c>, every project together, needs an instance administrator. A bad from, to or
/// format answers 422 naming the parameter.
/// </summary>
internal static class MetricsApi
{
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MetricsQueries>();
        return builder;
    }

    public static RouteGroupBuilder MapMetricsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Metrics");
        group.MapGet("/projects/{slug}/metrics", Project).RequirePermission(Permission.ProjectRead)
            .WithSummary("Response metrics for a period (from, to: yyyy-MM-dd; default the last 12 months); format=csv for CSV");
        group.MapGet("/projects/{slug}/cna-readiness", Cna).RequirePermission(Permission.ProjectRead)
            .WithSummary("The runbook's CNA triggers measured, with evidence and the application's fields");
        group.MapGet("/metrics", Instance).RequirePermission(Permission.InstanceAdmin)
            .WithSummary("Response metrics over every project (administrators)");
        return api;
    }

    private static async Task<Results<Ok<MetricsJson>, FileContentHttpResult, NotFound>> Project(string slug, string? from, string? to, string? format,
        ProjectAccess access, MetricsQueries queries, TimeProvider time, CancellationToken ct)
    {
        var csv = Format(format);
        var period = MetricsPeriod.Parse(from, to, time.GetUtcNow());
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var metrics = await queries.MetricsAsync(project.Id, period, ct);
        return csv ? Csv(metrics, $"{project.Slug}-metrics") : TypedResults.Ok(MetricsJson.Of(project.Slug, metrics));
    }

    private static async Task<Results<Ok<MetricsJson>, FileContentHttpResult>> Instance(string? from, string? to, string? format,
        MetricsQueries queries, TimeProvider time, CancellationToken ct)
    {
        var csv = Format(format);
        var metrics = await queries.MetricsAsync(null, MetricsPeriod.Parse(from, to, time.GetUtcNow()), ct);
        return csv ? Csv(metrics, "firebreak-metrics") : TypedResults.Ok(MetricsJson.Of(null, metrics));
    }

    private static async Task<Results<Ok<CnaJson>, NotFound>> Cna(string slug, HttpRequest request, ProjectAccess access, MetricsQueries queries,
        PublicUrl urls, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var (report, application) = await queries.CnaAsync(project, urls.For(request), ct);
        return TypedResults.Ok(CnaJson.From(project.Slug, report, application));
    }

    /// <summary>True for CSV; JSON when absent; anything else is refused naming the parameter.</summary>
    internal static bool Format(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw new Domain.Common.DomainException($"format: '{Excerpt.Clip(format, 20)}' is not a format; expected json or csv."),
    };

    internal static FileContentHttpResult Csv(ResponseMetrics metrics, string name) =>
        TypedResults.File(Encoding.UTF8.GetBytes(MetricsJson.Csv(metrics)), "text/csv; charset=utf-8",
            $"{name}-{metrics.Period.From:yyyy-MM-dd}-{metrics.Period.To:yyyy-MM-dd}.csv");
}
