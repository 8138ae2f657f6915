using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Firebreak.Web.Tests.Browser;

/// <summary>
/// Passkeys in Chromium with a virtual authenticator (Chrome DevTools Protocol, WebAuthn domain):
/// a platform authenticator holding discoverable credentials, which verifies its user. The page is
/// opened as http://localhost: WebAuthn needs a secure context and a relying party id that is a
/// host name (an IP address such as 127.0.0.1 cannot be one); localhost over plain http is both.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserFactory factory) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task Maintainer_RegistersPasskey_SignsInWithItAlone_ThenRemovesIt_InChromium()
    {
        var page = await factory.NewPageAsync(host: "localhost");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = added!.Value.GetProperty("authenticatorId").GetString()!;
        var scriptErrors = await factory.SignInAsNewAdminAsync(page, "passkey-owner@example.test");

        // The sign-in was a while ago: adding a passkey first asks for the password again.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await page.GotoAsync("/account");
        await page.GetByLabel("Passkey name").FillAsync("virtual laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/confirm\\?returnUrl=%2Faccount$"));
        await page.GetByLabel("Password").FillAsync(BrowserSteps.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));

        await page.GetByLabel("Passkey name").FillAsync("virtual laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Passkey 'virtual laptop' added");
        await Assertions.Expect(page.Locator("#passkey-list .passkey-name")).ToHaveTextAsync("virtual laptop");
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        var stored = credentials!.Value.GetProperty("credentials");
        Assert.Equal(1, stored.GetArrayLength());
        Assert.True(stored[0].GetProperty("isResidentCredential").GetBoolean(), "the passkey should be discoverable (no e-mail needed to sign in)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("localhost:[0-9]+/$"));
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Dashboard"));

        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("#passkey-list tbody tr td").Nth(2)).Not.ToHaveTextAsync("never");
        await page.Locator("#passkey-list").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Passkey 'virtual laptop' removed");
        await Assertions.Expect(page.Locator("#no-passkeys")).ToBeVisibleAsync();
        Assert.True(scriptErrors.Count == 0, "Script errors: " + string.Join(" | ", scriptErrors));
    }
}
