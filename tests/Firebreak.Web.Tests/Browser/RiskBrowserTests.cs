using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The risk register in Chromium, without typing an id: from an incident's page "Add to risk register" enters a new
/// entry naming the incident (one step), the entry page shows it and its history, the incident page lists it, an
/// accepted risk past its date is flagged on the register and the dashboard, and the register exports
/// RISK-REGISTER.md. Screenshots at 1280 and 390 px go to the test's temporary folder for a person to look at.
/// </summary>
public class RiskBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task AddToRiskRegister_FromAnIncident_EntersALinkedEntry_InChromium()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "risk-browser@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("riskweb", "Riskweb");
        await page.OpenIncidentAsync("riskweb", "leaked-credential", "Deploy token printed in a CI log", "high");
        var incidentUrl = page.Url;

        await Assertions.Expect(page.Locator("#incident-risks #no-risks")).ToBeVisibleAsync();
        await page.Locator("#add-risk").ClickAsync();
        await page.WaitForPathAsync("**/projects/riskweb/risks/new?incident=*");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Deploy token printed in a CI log");
        await Assertions.Expect(page.GetByLabel("Incidents (numbers, e.g. #4, #12)")).ToHaveValueAsync("#1");

        // A missing category is refused on the page, keeping what was typed.
        await page.GetByLabel("Asset or component").FillAsync("CI pipeline");
        await page.GetByLabel("Threat").FillAsync("A token printed in a public log | is copied\nand used to publish");
        await page.GetByLabel("Likelihood (1 rare … 5 almost certain)").SelectOptionAsync("4");
        await page.GetByLabel("Impact (1 negligible … 5 severe)").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter in the register" }).ClickAsync();
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("categories:");
        await Assertions.Expect(page.GetByLabel("Asset or component")).ToHaveValueAsync("CI pipeline");

        await page.Locator("input[name='Risk.Categories'][value='information-disclosure']").CheckAsync();
        await page.Locator("input[name='Risk.Categories'][value='elevation-of-privilege']").CheckAsync();
        await page.GetByLabel("Mitigations").FillAsync("Mask secrets; short-lived tokens");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter in the register" }).ClickAsync();
        await page.WaitForPathAsync("**/projects/riskweb/risks/RISK-001");
        await Assertions.Expect(page.Locator("#risk-rating")).ToHaveTextAsync("20 critical");
        await Assertions.Expect(page.Locator("#risk-incident-links")).ToContainTextAsync("#1");
        await Assertions.Expect(page.Locator("#risk-history")).ToContainTextAsync("RISK-001 in riskweb entered");
        await Shots(page, "risk-entry");

        // Accept it until a date now past: the entry, the register and the dashboard ask for review.
        await page.Locator("#risk-status").SelectOptionAsync("accepted");
        await page.GetByLabel("Accepted until (accepted only)").FillAsync("2026-01-31");
        await page.GetByLabel("Accepted by (accepted only)").FillAsync("Ana Lima");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("RISK-001 saved.");
        await Assertions.Expect(page.Locator("#review-due")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#risk-history li")).ToHaveCountAsync(2);

        await page.GotoAsync(incidentUrl);
        await Assertions.Expect(page.Locator("#incident-risks")).ToContainTextAsync("RISK-001");
        await Assertions.Expect(page.Locator("#incident-risks")).ToContainTextAsync("review due");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Linked to RISK-001 in the risk register");

        await page.GotoAsync("/projects/riskweb/risks");
        await Assertions.Expect(page.Locator("#risks tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#review-due-count")).ToContainTextAsync("1 due for review");
        await Shots(page, "risk-register");
        await page.Locator("#f-status").SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#no-risks")).ToHaveTextAsync("No entry matches these filters.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-md").ClickAsync());
        Assert.Equal("RISK-REGISTER.md", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("| RISK-001 | Deploy token printed in a CI log | I, E | CI pipeline | A token printed in a public log \\| is copied<br>and used to publish | 4 | 5 | 20 (critical) |",
            text, StringComparison.Ordinal);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#risk-reviews")).ToContainTextAsync("riskweb RISK-001");

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
