using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>The account page in Chromium: the time zone is picked from a list, and the device's own zone is offered.</summary>
public class AccountBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task TimeZone_DevicesZoneIsOffered_AndSavedFromTheList()
    {
        var page = await factory.NewPageAsync(timeZone: "Asia/Tokyo");
        var scriptErrors = await factory.SignInAsNewAdminAsync(page, $"zone-{Guid.NewGuid():N}@example.test");
        await page.GotoAsync("/account");

        await Assertions.Expect(page.Locator("#tz-suggest")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tz-device")).ToHaveTextAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use it" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tz")).ToHaveValueAsync("Asia/Tokyo");
        await page.Locator("form:has(#tz) button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#tz")).ToHaveValueAsync("Asia/Tokyo");
        await Assertions.Expect(page.Locator("#tz-suggest")).ToBeHiddenAsync(); // saved: nothing left to offer
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.Locator("form:has(#tz) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#tz")).ToHaveValueAsync("Europe/Berlin");
        Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join(" | ", scriptErrors));
    }
}
