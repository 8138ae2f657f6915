using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The incident page at a glance (issue 13): a jump to each part (clocks, triage, playbook, thread, advisory, timeline),
/// the playbook grouped by stage with settled stages folded, the calculators folded until used, and the time zone said
/// once for the page rather than after every time. Screenshots at 1280 and 390 px go with the accessibility ones.
/// </summary>
public class IncidentGlanceBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task IncidentPage_JumpsToEachPart_FoldsWhatIsSettled_AndSaysTheZoneOnce()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "glance@example.test");
        await page.GotoAsync("/account");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.Locator("form:has(#tz) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#tz")).ToHaveValueAsync("Europe/Berlin");
        await page.CreateProjectAsync("glance", "Glance");
        await page.OpenIncidentAsync("glance", "leaked-credential", "A deploy token in a CI log", "critical");

        var parts = page.Locator("#incident-sections a");
        Assert.Equal(["Clocks", "Triage", "Playbook", "Advisory", "Timeline"], await parts.AllInnerTextsAsync()); // no reporter, no thread
        foreach (var part in await parts.AllAsync())
        {
            var href = await part.GetAttributeAsync("href");
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(href!)).ToHaveCountAsync(1);
        }
        await page.SetViewportSizeAsync(390, 800);
        await page.Locator("#incident-sections a", new() { HasText = "Timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline h2")).ToBeInViewportAsync();

        // The zone is said once, in the bar; the times themselves carry it only in their title.
        await Assertions.Expect(page.Locator("#times-in")).ToHaveTextAsync("Times in Europe/Berlin");
        var times = await page.Locator("main time").AllInnerTextsAsync();
        Assert.NotEmpty(times);
        Assert.DoesNotContain(times, t => t.Contains("Europe", StringComparison.Ordinal) || t.Contains("UTC", StringComparison.Ordinal));
        Assert.Equal(1, await page.GetByText("Europe/Berlin", new() { Exact = false }).CountAsync());

        // The calculators are folded; every stage is open exactly while something in it is unsettled.
        Assert.False(await page.Locator("#cvss-editor").EvaluateAsync<bool>("d => d.open"));
        const string StagesFoldedRight = "ds => ds.map(d => d.open === [...d.querySelectorAll('li.step')].some(li => !li.classList.contains('step-done') && !li.classList.contains('step-skipped')))";
        var stages = await page.Locator("details.stage").EvaluateAllAsync<bool[]>(StagesFoldedRight);
        Assert.True(stages.Length >= 2, $"{stages.Length} stage(s)");
        Assert.All(stages, Assert.True);

        // Settle the first stage by skipping its steps: it folds, and says so.
        var first = page.Locator("details.stage").First;
        var stageName = await first.GetAttributeAsync("data-stage");
        for (var i = 0; i < 30 && await first.EvaluateAsync<bool>("d => d.open"); i++)
        {
            var step = first.Locator("li.step.actionable").First;
            if (await step.Locator("details").GetAttributeAsync("open") is null) await step.Locator("summary").ClickAsync();
            await step.GetByPlaceholder("Reason to skip").FillAsync("Not part of this test.");
            await step.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            first = page.Locator($"details.stage[data-stage='{stageName}']");
            await Assertions.Expect(first).ToHaveCountAsync(1);
        }
        Assert.False(await first.EvaluateAsync<bool>("d => d.open"), "the settled stage is folded");
        await Assertions.Expect(first.Locator("summary")).ToContainTextAsync("✓");
        Assert.All(await page.Locator("details.stage").EvaluateAllAsync<bool[]>(StagesFoldedRight), Assert.True);

        Directory.CreateDirectory(AccessibilityBrowserTests.Screenshots);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(page.Url.Split('#')[0]);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityBrowserTests.Screenshots, $"incident-glance-{width}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityBrowserTests.Screenshots, $"incident-glance-{width}-first-screen.png") });
        }
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }
}
