using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>The disclosure page in Chromium: one maintainer writes the advisory and moves the date, a second approves, the public sees it.</summary>
public class DisclosureBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    private static readonly string Description = System.Text.Json.JsonSerializer.Serialize(HostileContent.Hostile("After a panic wipe `key.bin` stays in `~/.vault`."));

    private static readonly string Advisory = $$"""
        {
          "id": "SPR-2026-0042", "aliases": ["CVE-2026-42424"], "summary": "Panic wipe leaves the vault key on disk",
          "description": {{Description}},
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor" },
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault",
                          "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0.1.0" }, { "fixed": "0.4.2" } ] } ] } ],
          "cwes": [ { "id": "CWE-459" } ], "severity": "high",
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc" } ]
        }
        """;

    [Fact]
    public async Task AdvisoryWrittenReviewedAndPublished_InChromium()
    {
        var alice = await factory.NewPageAsync();
        var aliceErrors = await factory.SignInAsNewAdminAsync(alice, "alice-disclosure@example.test");
        var problems = HostileContent.Watch(alice);
        await alice.CreateProjectAsync("springdisc", "Springtale");
        await alice.OpenIncidentAsync("springdisc", "vulnerability-report", "Panic wipe leaves the vault key on disk", "high");
        await alice.Locator("#advisory-link").ClickAsync();
        await alice.WaitForPathAsync("**/advisory");
        await Assertions.Expect(alice.Locator("#no-advisory")).ToBeVisibleAsync();

        // Move the date with who agreed and why; the history says so.
        await alice.Locator("#dueAt").FillAsync("2027-03-15T17:00");
        await alice.Locator("#reason").FillAsync("release train on the 15th");
        await alice.Locator("#move-disclosure").GetByLabel("the maintainers").CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Move the date" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#disclosure-due")).ToContainTextAsync("2027-03-15 17:00"); // the zone is said once, in the bar
        await Assertions.Expect(alice.Locator("#times-in")).ToContainTextAsync("UTC");
        await Assertions.Expect(alice.Locator("#disclosure-history")).ToContainTextAsync("agreed by the maintainers; reason: release train on the 15th");

        await alice.Locator("#json-view-link").ClickAsync(); // the advanced view: this test types the JSON on purpose
        await alice.Locator("#document").FillAsync(Advisory);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save the advisory" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#advisory-state")).ToHaveTextAsync("draft");
        await alice.Locator("#review-at").FillAsync("2026-11-24T09:00"); // the fake clock's now: public as soon as approved
        await alice.GetByRole(AriaRole.Button, new() { Name = "Ask a second maintainer to review" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#advisory-state")).ToHaveTextAsync("in-review");
        var url = alice.Url;

        // Not public yet.
        var visitor = await factory.NewPageAsync();
        problems.AddRange(HostileContent.Watch(visitor));
        await visitor.GotoAsync("/p/springdisc/advisories");
        await Assertions.Expect(visitor.Locator("#no-advisories")).ToBeVisibleAsync();

        var bob = await factory.NewPageAsync();
        var bobErrors = await factory.SignInAsNewAdminAsync(bob, "bob-disclosure@example.test");
        problems.AddRange(HostileContent.Watch(bob));
        await bob.GotoAsync(url);
        await bob.GetByRole(AriaRole.Button, new() { Name = "Approve and schedule" }).ClickAsync();
        await Assertions.Expect(bob.Locator("#advisory-state")).ToHaveTextAsync("public");
        await Assertions.Expect(bob.Locator("#public-link")).ToBeVisibleAsync();

        await visitor.GotoAsync("/p/springdisc/advisories");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "SPR-2026-0042" }).ClickAsync();
        await visitor.WaitForPathAsync("**/advisories/SPR-2026-0042");
        await Assertions.Expect(visitor.Locator("#affected")).ToHaveTextAsync("springtale-vault (crates.io) >= 0.1.0, < 0.4.2");
        await Assertions.Expect(visitor.Locator("#description")).ToContainTextAsync("stays in ~/.vault");
        Assert.Equal(0, await visitor.Locator("#description script").CountAsync());

        // The same payloads in the announcement template's preview, and on the maintainers' page with the saved advisory.
        await alice.GotoAsync("/projects/springdisc/disclosure");
        await alice.Locator("#announcement-body").FillAsync(HostileContent.Hostile("{{ advisory.summary }}"));
        await alice.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#announcement-preview")).ToContainTextAsync("Crafted archive paths escape");
        await alice.GotoAsync(url);
        foreach (var page in new[] { alice, bob, visitor })
        {
            Assert.Equal(0, await page.Locator("[href^='javascript:' i], [src^='javascript:' i], iframe, script:not([src])").CountAsync());
        }
        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(aliceErrors.Count == 0 && bobErrors.Count == 0, "Script errors: " + string.Join(" | ", aliceErrors.Concat(bobErrors)));
    }
}
