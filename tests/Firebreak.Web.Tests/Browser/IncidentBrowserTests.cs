using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

public class IncidentBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Maintainer_OpensIncidentAndCompletesStep_InChromium()
    {
        var page = await factory.NewPageAsync();
        var scriptErrors = await factory.SignInAsNewAdminAsync(page, "maintainer@example.test");
        await page.CreateProjectAsync("springtale", "Springtale");

        await page.OpenIncidentAsync("springtale", "leaked-credential", "crates.io token published in a CI log", "high");

        await Assertions.Expect(page.Locator("#severity")).ToHaveTextAsync("high");
        await Assertions.Expect(page.Locator("[data-clock=first-action] .badge")).ToHaveTextAsync("running");
        var step = page.Locator("li.step.actionable").First;
        var stepId = await step.GetAttributeAsync("data-step");
        var form = step.Locator("form.step-form");
        foreach (var input in await form.Locator("input[type=url]").AllAsync()) await input.FillAsync("https://example.org/evidence");
        foreach (var text in await form.Locator("textarea").AllAsync()) await text.FillAsync("Revoked and rotated.");
        foreach (var select in await form.Locator("select").AllAsync())
        {
            var value = await select.Locator("option").Nth(1).GetAttributeAsync("value");
            await select.SelectOptionAsync(value!);
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "Complete step" }).ClickAsync();

        await Assertions.Expect(page.Locator($"li.step[data-step='{stepId}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("step-done"));
        await Assertions.Expect(page.Locator("[data-clock=first-action] .badge")).ToHaveTextAsync("met");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Completed");
        Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join(" | ", scriptErrors));
    }
}
