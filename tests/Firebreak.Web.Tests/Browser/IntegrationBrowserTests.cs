using Firebreak.Web.Tests.Integrations;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// The GitHub integration in Chromium: a maintainer goes from the project's settings to its integrations, creates the
/// webhook secret and sees it once (gone on the next visit), a delivery signed with it arrives, and the page lists it
/// with its outcome and a link to the incident it opened. Screenshots at 1280 and 390 px are kept for a person to look at.
/// </summary>
public class IntegrationBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task MaintainerCreatesTheGitHubHook_SeesTheSecretOnce_AndThenTheDelivery()
    {
        var page = await factory.NewPageAsync();
        var errors = await factory.SignInAsNewAdminAsync(page, "maintainer-hooks@example.test");
        var problems = HostileContent.Watch(page);
        await page.CreateProjectAsync("hooked", "Hooked");

        await page.GotoAsync("/projects/hooked/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
        await page.WaitForPathAsync("**/projects/hooked/integrations");
        await Assertions.Expect(page.Locator("#hook-github .hook-state")).ToContainTextAsync("Not set up");
        await Assertions.Expect(page.Locator("#no-deliveries")).ToBeVisibleAsync();

        await page.Locator("#hook-github").GetByRole(AriaRole.Button, new() { Name = "Create the secret" }).ClickAsync();
        var secret = (await page.Locator("#new-secret-value").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", secret);
        await Assertions.Expect(page.Locator("#hook-github .hook-state")).ToContainTextAsync("Secret set");
        await Assertions.Expect(page.Locator("#hook-github .hook-url")).ToHaveTextAsync($"{factory.BaseAddress.GetLeftPart(UriPartial.Authority)}/hooks/github/hooked");
        await Shoot(page, "integrations-secret");

        var body = HookSender.Payload("secret_scanning_alert/reopened.payload.json");
        var (status, _) = await HookSender.PostAsync(factory.CreateClient(), "/hooks/github/hooked", "secret_scanning_alert", "browser-delivery-1",
            body, HookSender.Sign(secret, body));
        Assert.Equal(200, status);

        await page.GotoAsync("/projects/hooked/integrations");
        await Assertions.Expect(page.Locator("#new-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("#deliveries tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("secret_scanning_alert · reopened");
        await Assertions.Expect(row).ToContainTextAsync("browser-delivery-1");
        await Assertions.Expect(row.Locator(".outcome")).ToHaveTextAsync("opened");
        await Shoot(page, "integrations-delivery");
        await row.GetByRole(AriaRole.Link, new() { Name = "#1" }).ClickAsync();
        await page.WaitForPathAsync("**/incidents/*");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Leaked adafruit_io_key in Codertocat/Hello-World");

        Assert.True(problems.Count == 0, "Dialogs or script errors: " + string.Join(" | ", problems));
        Assert.True(errors.Count == 0, "Script errors: " + string.Join(" | ", errors));
    }

    private static async Task Shoot(IPage page, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "firebreak-screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var file = Path.Combine(folder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
