using System.Net;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// Closing and finding again, in Chromium: a maintainer closes an incident whose last pending step is skipped with a
/// reason and whose post-mortem is waived (a first try without reasons comes back with the error next to each item),
/// then finds it on the project's incident list filtered to closed and by a text search over its sealed title, and on
/// the project's home. And the post-mortem page's "update the register" enters a STRIDE entry from the root cause.
/// </summary>
public class ClosingBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task IncidentClosedWithAStepSkipped_IsFoundOnTheClosedListAndBySearch_InChromium()
    {
        var page = await factory.NewPageAsync();
        await factory.SignInAsNewAdminAsync(page, "closer-browser@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("closeweb", "Closeweb");
        await page.OpenIncidentAsync("closeweb", "leaked-credential", "Signing key pasted into a public issue", "high");
        var id = page.Url.Split('/')[^1];
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var steps = (await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["steps"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        foreach (var step in steps.SkipLast(1))
            await api.PostJsonAsync($"/api/v1/incidents/{id}/steps/{step}/skip", new { reason = "handled before the tool was set up" });
        var last = steps[^1];

        await page.Locator("#close-page-link").ClickAsync();
        await page.WaitForPathAsync($"**/incidents/{id}/close");
        Assert.Equal(1, await page.Locator("fieldset.closing-item[data-step]").CountAsync());
        await page.Locator("#close-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator($"fieldset[data-step='{last}'] .errors")).ToContainTextAsync("mark it done, or skipped with a reason");
        await Assertions.Expect(page.Locator("#error-postmortem")).ToContainTextAsync("not signed off");

        await page.Locator($"fieldset[data-step='{last}'] input[value=skipped]").CheckAsync();
        await page.Locator($"fieldset[data-step='{last}'] textarea").FillAsync("the key was revoked before anyone used it");
        await page.Locator("#postmortem-item input[value=waived]").CheckAsync();
        await page.Locator("#reason-postmortem").FillAsync("nothing to learn beyond the revocation");
        await page.Locator("#close-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(!page.Url.Contains("/close", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.Locator("#stage-badge")).ToHaveTextAsync("closed");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("the key was revoked before anyone used it");

        await page.GotoAsync("/projects/closeweb/incidents");
        await Assertions.Expect(page.Locator("#no-incidents")).ToBeVisibleAsync(); // open by default: nothing open
        await page.Locator("#f-state").SelectOptionAsync("closed");
        await page.Locator("#incident-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#incident-list")).ToContainTextAsync("Signing key pasted into a public issue");
        Assert.Contains("state=closed", page.Url, StringComparison.Ordinal);
        await page.Locator("#f-q").FillAsync("PUBLIC ISSUE");
        await page.Locator("#incident-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#incident-list")).ToContainTextAsync("Signing key pasted into a public issue");
        await page.Locator("#f-q").FillAsync("nowhere in any title");
        await page.Locator("#incident-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#no-incidents")).ToBeVisibleAsync();

        await page.GotoAsync("/projects/closeweb");
        await Assertions.Expect(page.Locator("#recently-closed")).ToContainTextAsync("Signing key pasted into a public issue");
        await page.Locator("#all-closed-link").ClickAsync();
        await Assertions.Expect(page.Locator("#incident-list")).ToContainTextAsync("Signing key pasted into a public issue");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryStepLeftUnchosen_SkippedWithOneReason_FromTheClosePage_InChromium()
    {
        var page = await factory.NewPageAsync();
        await factory.SignInAsNewAdminAsync(page, "skipper-browser@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("skipweb", "Skipweb");
        await page.OpenIncidentAsync("skipweb", "compromised-dependency", "A transitive dependency shipped a miner", "medium");
        var id = page.Url.Split('/')[^1];
        await page.Locator("#close-page-link").ClickAsync();
        await page.WaitForPathAsync($"**/incidents/{id}/close");
        var steps = page.Locator("fieldset.closing-item[data-step]");
        var count = await steps.CountAsync();
        Assert.True(count > 2, $"only {count} pending steps");
        var first = (await steps.First.GetAttributeAsync("data-step"))!;
        await page.Locator($"fieldset[data-step='{first}'] input[value=skipped]").CheckAsync();
        await page.Locator($"fieldset[data-step='{first}'] textarea").FillAsync("the lockfile pinned the good version");
        await page.Locator("#skip-remaining-reason").FillAsync("contained before the playbook was opened");
        await page.Locator("#postmortem-item input[value=waived]").CheckAsync();
        await page.Locator("#reason-postmortem").FillAsync("a medium with no user impact");
        await page.Locator("#close-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(!page.Url.Contains("/close", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.Locator("#stage-badge")).ToHaveTextAsync("closed");

        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var texts = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(t => (string)t!["text"]!).ToList();
        Assert.Single(texts, t => t.Contains("the lockfile pinned the good version", StringComparison.Ordinal));
        Assert.Equal(count - 1, texts.Count(t => t.StartsWith("Skipped step", StringComparison.Ordinal) && t.Contains("contained before the playbook was opened", StringComparison.Ordinal)));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task UpdateTheRegister_FromThePostMortem_EntersAStrideEntryFromTheRootCause_InChromium()
    {
        var page = await factory.NewPageAsync();
        await factory.SignInAsNewAdminAsync(page, "register-browser@example.test");
        await page.CreateProjectAsync("regweb", "Regweb");
        await page.OpenIncidentAsync("regweb", "vulnerability-report", "Tokens accepted after revocation", "high");
        var id = page.Url.Split('/')[^1];
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}/postmortem",
            new { version = 0, sections = new Dictionary<string, string> { ["root-cause"] = "The revocation list was cached for a day on every node." } }, HttpStatusCode.OK);

        await page.GotoAsync($"/incidents/{id}/postmortem");
        await page.Locator("#update-register summary").ClickAsync();
        await Assertions.Expect(page.Locator("#reg-title")).ToHaveValueAsync("Tokens accepted after revocation");
        await Assertions.Expect(page.Locator("#reg-threat")).ToHaveValueAsync("The revocation list was cached for a day on every node.");
        await page.Locator("#register-form input[value=spoofing]").CheckAsync();
        await page.Locator("#register-form input[value=elevation-of-privilege]").CheckAsync();
        await page.Locator("#reg-asset").FillAsync("token verifier");
        await page.Locator("#reg-likelihood").SelectOptionAsync("3");
        await page.Locator("#reg-impact").SelectOptionAsync("4");
        await page.Locator("#register-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("RISK-001 in the risk register now names incident #1");

        var risk = (await api.GetJsonAsync("/api/v1/projects/regweb/risks/RISK-001"))["risk"]!;
        Assert.Equal("The revocation list was cached for a day on every node.", (string)risk["threat"]!);
        Assert.Equal(12, (int)risk["rating"]!);
        Assert.Equal(1, (int)risk["incidents"]![0]!["number"]!);

        await page.Locator("#update-register summary").ClickAsync();
        await page.Locator("#reg-existing").FillAsync("RISK-001");
        await page.Locator("#reg-title").FillAsync("");
        await page.Locator("#reg-threat").FillAsync("");
        await page.Locator("#reg-likelihood").SelectOptionAsync("2");
        await page.Locator("#register-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("RISK-001");
        risk = (await api.GetJsonAsync("/api/v1/projects/regweb/risks/RISK-001"))["risk"]!;
        Assert.Equal(8, (int)risk["rating"]!);
        Assert.Equal("Tokens accepted after revocation", (string)risk["title"]!);
    }
}
