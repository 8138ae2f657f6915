using Firebreak.Domain.Metrics;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Metrics;

/// <summary>The response metrics of every project together, for the instance's administrators.</summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class InstanceMetricsModel(MetricsQueries queries, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ResponseMetrics Metrics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Metrics = await queries.MetricsAsync(null, MetricsPage.Period(this, From, To, time), ct);

    /// <summary>The same figures as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var file = MetricsApi.Csv(await queries.MetricsAsync(null, MetricsPeriod.Parse(From, To, time.GetUtcNow()), ct), "firebreak-metrics");
        return File(file.FileContents.ToArray(), file.ContentType!, file.FileDownloadName);
    }
}
