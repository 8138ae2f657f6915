using Firebreak.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

public class CvssCalculatorBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Calculator_SettingMetrics_ShowsLiveScoreAndSavesVector()
    {
        var page = await factory.NewPageAsync();
        const string email = "scorer@example.test", password = "correct horse battery";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, password, admin: true);
        }
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");
        await page.GotoAsync("/projects/new");
        await page.GetByLabel("Slug").FillAsync("calc");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Calc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.WaitForURLAsync("**/settings");
        await page.GotoAsync("/projects/calc/incidents/new");
        await page.GetByLabel("Title").FillAsync("Scoring in the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open incident" }).ClickAsync();
        await page.WaitForURLAsync("**/incidents/*");

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
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
