using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Account;

/// <summary>Two-factor sign-in with an authenticator app: set up, sign in with a code or a recovery code, wrong codes refused.</summary>
public sealed partial class TwoFactorTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in, turns on two-factor sign-in through the page, and returns the key and the recovery codes.</summary>
    internal static async Task<(string Email, string Key, List<string> RecoveryCodes)> EnableAsync(FirebreakFactory factory)
    {
        var email = $"mfa-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: true, email);
        using var setup = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Setup", []);
        var key = SharedKey().Match(await setup.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.NotEmpty(key);
        using var wrong = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Enable", new() { ["code"] = "000000" });
        Assert.Contains("That code is not valid", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var enable = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Enable", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var html = await enable.Content.ReadAsStringAsync(Ct);
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (email, key, codes);
    }

    /// <summary>Signs in with password, then the second factor; returns the client and the final response.</summary>
    internal static async Task<(PageClient Page, HttpResponseMessage Response)> SignInAsync(FirebreakFactory factory, string email, Dictionary<string, string> secondFactor)
    {
        var page = new PageClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        using var password = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/account/login/2fa", password.Headers.Location?.OriginalString);
        return (page, await page.PostFormAsync("/account/login/2fa", "/account/login/2fa", secondFactor));
    }

    [Fact]
    public async Task SignIn_WithAuthenticatorCode_Succeeds_WrongCodeRefused()
    {
        var (email, key, _) = await EnableAsync(factory);

        var (refused, wrong) = await SignInAsync(factory, email, new() { ["Code"] = "123456" == Totp.Code(key, DateTimeOffset.UtcNow) ? "654321" : "123456" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("authenticator code is not valid", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var stillOut = await refused.Http.GetAsync(new Uri("/account", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);

        var (page, ok) = await SignInAsync(factory, email, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("On. Recovery codes left: 10", await page.GetHtmlAsync("/account/2fa"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_KeepsOneKeyUntilItSucceeds_AndShowsItAsAQrCode()
    {
        var page = await PageClient.SignInAsync(factory, admin: false, $"qr-{Guid.NewGuid():N}@example.test");
        using var first = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Setup", []);
        var html = await first.Content.ReadAsStringAsync(Ct);
        var key = SharedKey().Match(html).Groups[1].Value;
        Assert.NotEmpty(key);
        var qr = QrImage().Match(System.Net.WebUtility.HtmlDecode(html)); // Razor writes '+' and '=' as character references
        Assert.True(qr.Success, "no QR code image on the setup page");
        var png = Convert.FromBase64String(qr.Groups[1].Value);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        using var wrong = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Enable", new() { ["code"] = "000000" });
        Assert.Equal(key, SharedKey().Match(await wrong.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        using var again = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Setup", []);
        Assert.Equal(key, SharedKey().Match(await again.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        using var enable = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=Enable", new() { ["code"] = Totp.Code(key.Replace(" ", "", StringComparison.Ordinal), DateTimeOffset.UtcNow) });
        Assert.Contains("Recovery codes left: 10", await enable.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithRecoveryCode_WorksOnce()
    {
        var (email, _, codes) = await EnableAsync(factory);

        var (page, first) = await SignInAsync(factory, email, new() { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Recovery codes left: 9", await page.GetHtmlAsync("/account/2fa"), StringComparison.Ordinal);
        var (_, again) = await SignInAsync(factory, email, new() { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [GeneratedRegex("<img id=\"authenticator-qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("<code id=\"shared-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

/// <summary>The operator's switch: without a second factor an account reaches only the page that turns one on.</summary>
public sealed class RequiredTwoFactorTests : IAsyncLifetime
{
    private readonly SqliteFactory _factory = new() { Settings = { ["Security:RequireTwoFactor"] = "true" } };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Required_AccountWithoutSecondFactor_IsSentToSetupAndApiRefused()
    {
        var page = await PageClient.SignInAsync(_factory, admin: true);
        using (var dashboard = await page.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
            Assert.Equal("/account/2fa", dashboard.Headers.Location?.OriginalString);
        }
        Assert.Contains("Set up an authenticator app", await page.GetHtmlAsync("/account/2fa"), StringComparison.Ordinal);
        var (api, _) = await _factory.CreateUserClientAsync(admin: true);
        var problem = await api.GetJsonAsync("/api/v1/projects", HttpStatusCode.Forbidden);
        Assert.Contains("two-factor", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_PasskeyOnlyAccount_KeepsItsApiTokens()
    {
        var (api, email) = await _factory.CreateUserClientAsync(admin: true);
        await api.GetJsonAsync("/api/v1/projects", HttpStatusCode.Forbidden);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
            var user = db.Users.Single(u => u.Email == email);
            db.Add(new Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>
            {
                UserId = user.Id,
                CredentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16),
                Data = new Microsoft.AspNetCore.Identity.IdentityPasskeyData
                {
                    PublicKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(77), Name = "laptop", CreatedAt = DateTimeOffset.UtcNow,
                    Transports = ["internal"], AttestationObject = [], ClientDataJson = [],
                },
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await api.GetJsonAsync("/api/v1/projects"); // a passkey is a second factor: the account's tokens work again
    }

    [Fact]
    public async Task Required_AccountWithSecondFactor_WorksNormally()
    {
        var (email, key, _) = await TwoFactorTests.EnableAsync(_factory);
        var (page, ok) = await TwoFactorTests.SignInAsync(_factory, email, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("Dashboard", await page.GetHtmlAsync("/"), StringComparison.Ordinal);
    }
}
