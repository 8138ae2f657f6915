using Firebreak.Domain.Common;
using Firebreak.Domain.Metrics;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Metrics;

/// <summary>A project's response metrics for a chosen period, with charts drawn on the server and their tables.</summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class ProjectMetricsModel(ProjectAccess access, MetricsQueries queries, TimeProvider time) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Project Project { get; private set; } = null!;
    public ResponseMetrics Metrics { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        Project = project;
        Metrics = await queries.MetricsAsync(project.Id, MetricsPage.Period(this, From, To, time), ct);
        return Page();
    }

    /// <summary>The same figures as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return NotFound();
        var metrics = await queries.MetricsAsync(project.Id, MetricsPeriod.Parse(From, To, time.GetUtcNow()), ct);
        var file = MetricsApi.Csv(metrics, $"{project.Slug}-metrics");
        return File(file.FileContents.ToArray(), file.ContentType!, file.FileDownloadName);
    }
}

/// <summary>What the metrics pages share.</summary>
internal static class MetricsPage
{
    /// <summary>The chosen period; a bad date is shown as an error on its field and the default period used instead.</summary>
    public static MetricsPeriod Period(PageModel page, string? from, string? to, TimeProvider time)
    {
        var now = time.GetUtcNow();
        try
        {
            var period = MetricsPeriod.Parse(from, to, now);
            return period;
        }
        catch (DomainException e)
        {
            var field = e.Message.StartsWith("to:", StringComparison.Ordinal) ? "To" : "From";
            page.ModelState.AddModelError(field, e.Message);
            return MetricsPeriod.LastYear(now);
        }
    }
}
