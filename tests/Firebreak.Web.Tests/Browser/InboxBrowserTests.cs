using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The inbox in Chromium: a maintainer asks for a review; the reviewer, a project member, sees an unread count in the
/// header, finds the request in "Waiting for you", follows it to the advisory's review, and the notice is read after.
/// </summary>
public class InboxBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task ReviewRequest_ReachesTheReviewersInbox_AndTakesThemToTheAdvisory()
    {
        var alice = await factory.NewPageAsync();
        var aliceErrors = await factory.SignInAsNewAdminAsync(alice, "alice-inbox@example.test");
        var bob = await factory.NewPageAsync();
        var bobErrors = await factory.SignInAsNewAccountAsync(bob, "bob-inbox@example.test", admin: false);
        await Assertions.Expect(bob.Locator("#inbox-link .count")).ToHaveCountAsync(0);

        await alice.CreateProjectAsync("springbell", "Springbell");
        await alice.Locator("#member").FillAsync("bob-inbox@example.test");
        await alice.Locator("#member-role").SelectOptionAsync("reviewer");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.Locator("#members")).ToContainTextAsync("bob-inbox@example.test");
        await alice.Locator("#packages").FillAsync("pkg:npm/springbell");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save packages and CVE settings" }).ClickAsync();

        await alice.OpenIncidentAsync("springbell", "vulnerability-report", "Bell rings for the wrong user", "high");
        await alice.Locator("#advisory-link").ClickAsync();
        await alice.WaitForPathAsync("**/advisory");
        var advisoryPath = new Uri(alice.Url).AbsolutePath;
        await alice.Locator("#f-description").FillAsync("A crafted ring token makes the bell ring for another user.");
        await alice.Locator("#f-severity").SelectOptionAsync("high");
        await alice.Locator("#add-package").ClickAsync();
        await alice.Locator("#f-p0-purl").SelectOptionAsync("pkg:npm/springbell");
        await alice.Locator("#f-p0-r0-short").FillAsync("< 2.1.0");
        await alice.Locator("#save-advisory").ClickAsync();
        await Assertions.Expect(alice.Locator("#ready-for-review")).ToBeVisibleAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Ask a second maintainer to review" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#advisory-state")).ToHaveTextAsync("in-review");

        await bob.GotoAsync("/");
        await Assertions.Expect(bob.Locator("#inbox-link .count")).ToHaveTextAsync("1");
        await Assertions.Expect(bob.Locator("#waiting-for-you")).ToContainTextAsync("Review requested by alice-inbox@example.test");
        await bob.Locator("#inbox-link").ClickAsync();
        await bob.WaitForPathAsync("**/inbox");
        var notice = bob.Locator("ul.inbox li.unread");
        await Assertions.Expect(notice).ToHaveCountAsync(1);
        await Assertions.Expect(notice).ToContainTextAsync("Review requested");
        await Assertions.Expect(notice).ToContainTextAsync("Springbell");
        foreach (var width in new[] { 1280, 390 })
        {
            await bob.SetViewportSizeAsync(width, 900);
            await bob.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"firebreak-inbox-{width}.png"), FullPage = true });
        }
        await bob.SetViewportSizeAsync(1280, 900);

        await notice.GetByRole(AriaRole.Link).ClickAsync();
        await bob.WaitForPathAsync("**" + advisoryPath);
        await Assertions.Expect(bob.Locator("#review")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByRole(AriaRole.Button, new() { Name = "Approve and schedule" })).ToBeVisibleAsync();
        await Assertions.Expect(bob.Locator("#inbox-link .count")).ToHaveCountAsync(0);
        await bob.Locator("#inbox-link").ClickAsync();
        await Assertions.Expect(bob.Locator("ul.inbox li.read")).ToHaveCountAsync(1);

        await bob.GotoAsync("/account/notifications");
        await bob.GetByLabel("Review requested").UncheckAsync();
        await bob.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(bob.Locator(".flash")).ToContainTextAsync("saved");
        await Assertions.Expect(bob.GetByLabel("Review requested")).Not.ToBeCheckedAsync();
        await Assertions.Expect(bob.GetByLabel("Clock breached")).ToBeCheckedAsync();
        Assert.True(aliceErrors.Count == 0 && bobErrors.Count == 0, "Script errors: " + string.Join(" | ", aliceErrors.Concat(bobErrors)));
    }
}
