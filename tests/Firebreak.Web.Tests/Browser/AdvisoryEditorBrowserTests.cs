using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The structured advisory editor in Chromium: one maintainer writes a complete advisory through the form alone (no
/// JSON typed), a second finds it under "Waiting for your review", sees the preview and the difference, and approves.
/// </summary>
public class AdvisoryEditorBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Description_PreviewedLiveWhileTyping_SanitisedLikeThePublicPage_InChromium()
    {
        var page = await factory.NewPageAsync();
        await factory.SignInAsNewAdminAsync(page, "live-preview@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("livepreview", "Livepreview");
        await page.OpenIncidentAsync("livepreview", "vulnerability-report", "Session fixation on the login form", "medium");
        await page.Locator("#advisory-link").ClickAsync();
        await page.WaitForPathAsync("**/advisory");
        var preview = page.Locator("#description-preview");
        await Assertions.Expect(preview).ToBeEmptyAsync();

        // Typed, not saved: the preview follows within a moment, rendered, with every hostile payload inert.
        await page.Locator("#f-description").FillAsync(HostileContent.Hostile("The **session id** survives `login`; see [the fix](https://example.org/fix)."));
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("session id");
        await Assertions.Expect(preview.Locator("code").First).ToHaveTextAsync("login");
        Assert.Equal("https://example.org/fix", await preview.Locator("a", new() { HasText = "the fix" }).GetAttributeAsync("href"));
        Assert.Equal(0, await preview.Locator("script, iframe, svg, img[onerror], [onload], [ontoggle], a[href^='javascript']").CountAsync());
        await Assertions.Expect(preview).ToContainTextAsync("<script>alert('xss-1')</script>"); // shown as text, not run
        await page.Locator("#f-description").FillAsync("Now *only* this.");
        await Assertions.Expect(preview.Locator("em")).ToHaveTextAsync("only");
        await Assertions.Expect(preview).Not.ToContainTextAsync("session id");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task AdvisoryWrittenThroughTheForm_ReviewedFromTheDashboard_InChromium()
    {
        var alice = await factory.NewPageAsync();
        var aliceErrors = await factory.SignInAsNewAdminAsync(alice, "alice-editor@example.test");
        await alice.CreateProjectAsync("springedit", "Springtale");
        await alice.GotoAsync("/projects/springedit/settings");
        await alice.Locator("#packages").FillAsync("pkg:cargo/springtale-vault");
        await alice.Locator("#cve-org").FillAsync("0b5e1b2e-6d2c-4c55-9a4f-5f0d2f7c1e11");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save packages and CVE settings" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#packages")).ToHaveValueAsync("pkg:cargo/springtale-vault");

        await alice.OpenIncidentAsync("springedit", "vulnerability-report", "Panic wipe leaves the vault key on disk", "high");
        await alice.Locator("#advisory-link").ClickAsync();
        await alice.WaitForPathAsync("**/advisory");
        await Assertions.Expect(alice.Locator("#advisory-editor")).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("#missing-fields")).ToContainTextAsync("description: required");

        await alice.Locator("#f-cve").FillAsync("CVE-2026-42425");
        await alice.Locator("#f-description").FillAsync("After a panic wipe `key.bin` stays in `~/.vault`; whoever holds the device reads the vault.");
        await alice.Locator("#f-severity").SelectOptionAsync("high");
        await alice.Locator("#add-package").ClickAsync();
        await alice.Locator("#f-p0-purl").SelectOptionAsync("pkg:cargo/springtale-vault");
        await alice.Locator("#f-p0-r0-short").FillAsync("< 0.4.2");
        await alice.Locator("#cwe-query").FillAsync("incomplete cleanup");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Search CWE" }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Add CWE-459" }).ClickAsync();
        await alice.Locator("#add-reference").ClickAsync();
        await alice.Locator("#f-ref0-url").FillAsync("https://springtale.example.org/commit/abc123");
        await alice.Locator("#add-credit").ClickAsync();
        await alice.Locator("#f-cr0-type").SelectOptionAsync("remediation_developer");
        await alice.Locator("#f-cr0-name").FillAsync("Dana Fixer");
        await alice.Locator("#f-impact").FillAsync("A seized phone still holds the vault key after the user wiped it.");
        await alice.Locator("#save-advisory").ClickAsync();
        await Assertions.Expect(alice.Locator("#advisory-state")).ToHaveTextAsync("draft");
        await Assertions.Expect(alice.Locator("#ready-for-review")).ToBeVisibleAsync();
        await Assertions.Expect(alice.Locator("#public-preview #affected")).ToHaveTextAsync("springtale-vault (crates.io) < 0.4.2");
        var bad = await alice.Locator("#export-status .bad").AllInnerTextsAsync();
        var problems = await alice.Locator("#export-status .problems").AllInnerTextsAsync();
        Assert.True(bad.Count == 0, "Exports with problems: " + string.Join(" | ", problems));

        await alice.Locator("#review-at").FillAsync("2026-11-24T09:00");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Ask a second maintainer to review" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#advisory-state")).ToHaveTextAsync("in-review");
        await Assertions.Expect(alice.Locator("#cannot-approve")).ToContainTextAsync("A second maintainer must approve");
        Assert.Equal(0, await alice.Locator("#approve").CountAsync());

        var bob = await factory.NewPageAsync();
        var bobErrors = await factory.SignInAsNewAdminAsync(bob, "bob-editor@example.test");
        await bob.GotoAsync("/");
        await bob.Locator("#waiting-for-review").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("SPRINGEDIT-2026-0001") }).ClickAsync();
        await Assertions.Expect(bob.Locator("#review")).ToBeVisibleAsync(); // the dashboard links straight to the review part
        await Assertions.Expect(bob.Locator("#public-preview #description")).ToContainTextAsync("whoever holds the device reads the vault");
        await Assertions.Expect(bob.Locator("#diff-since-review")).ToContainTextAsync("this is the first review");
        await Assertions.Expect(bob.Locator("#diff-report ins").First).ToBeVisibleAsync();
        await bob.GetByRole(AriaRole.Button, new() { Name = "Approve and schedule" }).ClickAsync();
        await Assertions.Expect(bob.Locator("#advisory-state")).ToHaveTextAsync("public");

        foreach (var (page, width) in new[] { (alice, 1280), (bob, 390) })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"advisory-editor-{width}.png"), FullPage = true });
        }
        Assert.True(aliceErrors.Count == 0 && bobErrors.Count == 0, "Script errors: " + string.Join(" | ", aliceErrors.Concat(bobErrors)));
    }
}
