using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The metrics and CNA-readiness pages in Chromium: from the project's home page to the metrics, whose charts are SVG
/// drawn on the server (no script) each with its table; the period form; the CNA page with a trigger not yet met and
/// why. Screenshots at 1280 and 390 px go to the temporary folder for a person to look at.
/// </summary>
public class MetricsBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task MetricsPage_DrawsChartsWithTables_AndTheCnaPageSaysWhatIsMissing_InChromium()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "metrics-browser@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("metricsweb", "Metricsweb");
        await page.OpenIncidentAsync("metricsweb", "vulnerability-report", "Vault key left on disk after panic wipe", "high");
        await page.OpenIncidentAsync("metricsweb", "leaked-credential", "Deploy token printed in a CI log", "critical");

        await page.GotoAsync("/projects/metricsweb");
        await page.GetByRole(AriaRole.Link, new() { Name = "Response metrics" }).ClickAsync();
        await page.WaitForPathAsync("**/projects/metricsweb/metrics");
        await Assertions.Expect(page.Locator("#metrics-counts")).ToContainTextAsync("2 incidents opened");
        await Assertions.Expect(page.Locator("#metrics-counts")).ToContainTextAsync("2 still open");
        // Every chart is an SVG image with a title, followed by its table with a caption.
        var charts = page.Locator("figure.chart");
        Assert.True(await charts.CountAsync() >= 6, $"{await charts.CountAsync()} charts");
        foreach (var chart in await charts.AllAsync())
        {
            await Assertions.Expect(chart.Locator("svg[role=img] title")).ToHaveCountAsync(1);
            await Assertions.Expect(chart.Locator("table caption")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(page.Locator("#chart-ageing rect.chart-bar")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Open incidents by age" }).Locator("tbody tr").First).ToContainTextAsync("< 1 d");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Incidents by source" })).ToContainTextAsync("form");
        await Assertions.Expect(page.Locator("tr[data-clock='first-action'][data-severity='all']")).ToContainTextAsync("first action");
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        await Shots(page, "metrics");

        // A period without incidents says so; a bad date is named on the page.
        await page.Locator("#m-from").FillAsync("2020-01-01");
        await page.Locator("#m-to").FillAsync("2020-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#metrics-empty")).ToBeVisibleAsync();
        await page.GotoAsync("/projects/metricsweb/metrics?from=2026-02-30");
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("from: '2026-02-30' is not a date");

        await page.GotoAsync("/projects/metricsweb/metrics");
        await page.Locator("#cna-link").ClickAsync();
        await page.WaitForPathAsync("**/projects/metricsweb/cna");
        await Assertions.Expect(page.Locator("#cna-verdict")).ToContainTextAsync("Not yet");
        await Assertions.Expect(page.Locator("#trigger-cves-per-quarter")).ToContainTextAsync("not yet");
        await Assertions.Expect(page.Locator("#trigger-cves-per-quarter")).ToContainTextAsync("no CVE has been recorded on any incident");
        await Assertions.Expect(page.Locator("#trigger-contact-channels")).ToContainTextAsync("missing a security contact for security.txt");
        await Assertions.Expect(page.GetByLabel("Short name")).ToHaveValueAsync("metricsweb");
        await Shots(page, "cna");

        await page.GotoAsync("/admin/metrics");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("every project");
        await Shots(page, "instance-metrics");

        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }

    private static async Task Shots(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"firebreak-{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
