using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

public class CvssCalculatorBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Calculator_SettingMetrics_ShowsLiveScoreAndSavesVector()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "scorer@example.test");
        await page.CreateProjectAsync("calc", "Calc");
        await page.GotoAsync("/projects/calc/incidents/new");
        await page.GetByLabel("Title").FillAsync("Scoring in the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open incident" }).ClickAsync();
        await page.WaitForPathAsync("**/incidents/*");
        Assert.False(await page.Locator("#cvss-editor").EvaluateAsync<bool>("d => d.open"), "the calculator is folded until used");
        await Assertions.Expect(page.Locator("#cvss-editor > summary")).ToContainTextAsync("v4.0: not scored");
        await page.Locator("#cvss-editor > summary").ClickAsync();

        foreach (var (metric, value) in new[] { ("AV", "N"), ("AC", "L"), ("AT", "N"), ("PR", "N"), ("UI", "N"), ("VC", "H"), ("VI", "H"), ("VA", "H"), ("SC", "N"), ("SI", "N"), ("SA", "N") })
        {
            await page.Locator($"#cvss-v4-{metric}").SelectOptionAsync(value);
        }
        await Assertions.Expect(page.Locator(".cvss-score[data-for=v4]")).ToHaveTextAsync("9.3");
        await Assertions.Expect(page.Locator(".cvss-severity[data-for=v4]")).ToContainTextAsync("Critical");
        await page.Locator("fieldset[data-version=v4] summary", new() { HasText = "Threat metrics" }).ClickAsync();
        await page.Locator("#cvss-v4-E").SelectOptionAsync("U");
        await Assertions.Expect(page.Locator(".cvss-score[data-for=v4]")).ToHaveTextAsync("8.1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save vectors" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cvss-vector[data-for=v4]")).ToHaveTextAsync("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("CVSS v4");
        await Assertions.Expect(page.Locator("#cvss-editor > summary")).ToContainTextAsync("v4.0: 8.1");
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
