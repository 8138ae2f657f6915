using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// Every decision step of every built-in playbook, each of its answers, taken in Chromium the way a maintainer takes it:
/// the steps before it skipped with a reason through their own forms, then the answer chosen and "Decide" pressed. The
/// step is answered, the steps the answer leads to become actionable, and the timeline says so.
/// </summary>
public class DecisionBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    public static TheoryData<string, string, string> Decisions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var playbook in PlaybookCatalog.BuiltIn().All)
        {
            foreach (var step in playbook.Steps.Where(s => s.Kind == StepKind.Decision))
            {
                foreach (var option in step.Options) data.Add(playbook.Id, step.Id, option.Id);
            }
        }
        return data;
    }

    [Fact]
    public void TheBuiltInPlaybooks_HaveDecisionSteps_SoTheTheoryBelowIsNotEmpty() =>
        Assert.True(Decisions().Count >= 3, $"only {Decisions().Count} decision answers in the built-in playbooks");

    [Theory]
    [MemberData(nameof(Decisions))]
    public async Task DecisionStep_IsAnsweredFromTheIncidentPage(string playbookId, string stepId, string optionId)
    {
        var playbook = PlaybookCatalog.BuiltIn().Find(playbookId)!;
        var kind = playbook.Triggers.First(k => PlaybookCatalog.BuiltIn().DefaultFor(k, userSafety: false)?.Id == playbookId);
        var page = await factory.NewPageAsync();
        var scriptErrors = await factory.SignInAsNewAdminAsync(page, $"decider-{Guid.NewGuid():N}@example.test");
        var slug = $"d{Guid.NewGuid():N}"[..12];
        await page.CreateProjectAsync(slug, "Decisions");
        await page.OpenIncidentAsync(slug, kind.ToWire(), $"{playbookId}: {stepId} → {optionId}", "high");

        var target = page.Locator($"li.step[data-step='{stepId}']");
        for (var guard = 0; !await target.EvaluateAsync<bool>("e => e.classList.contains('actionable')"); guard++)
        {
            Assert.True(guard < playbook.Steps.Count, $"{stepId} never became actionable");
            var first = page.Locator("li.step.actionable").First;
            var firstId = await first.GetAttributeAsync("data-step");
            if (await first.Locator("details").GetAttributeAsync("open") is null) await first.Locator("summary").ClickAsync();
            await first.GetByPlaceholder("Reason to skip").FillAsync("Not needed for this test.");
            await first.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
            await Assertions.Expect(page.Locator($"li.step[data-step='{firstId}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("step-skipped"));
        }

        var step = playbook.Steps.Single(s => s.Id == stepId);
        var option = step.Options.Single(o => o.Id == optionId);
        if (await target.Locator("details").GetAttributeAsync("open") is null) await target.Locator("summary").ClickAsync();
        await target.GetByLabel(option.Label).CheckAsync();
        await target.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();

        await Assertions.Expect(page.Locator($"li.step[data-step='{stepId}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("step-done"));
        await Assertions.Expect(page.Locator(".error-summary, .errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync($"Decided '{step.Title}': {option.Label}");
        Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join(" | ", scriptErrors));
    }
}
