using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Account;

/// <summary>
/// Sensitive handlers need a password (and second factor) confirmed within ten minutes: fresh after
/// sign-in, sent to /account/confirm once it is older, and only the account's own untampered cookie counts.
/// </summary>
public sealed class ReauthenticationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Password = "correct horse battery";
    private static readonly Uri Localhost = new("http://localhost/");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in a new account on a client whose cookies the test can read and replace.</summary>
    private async Task<(PageClient Page, CookieContainer Cookies, string Email)> SignInAsync(bool admin)
    {
        factory.RequireDatabase();
        var email = $"reauth-{Guid.NewGuid():N}@example.test";
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, Password, admin);
        var cookies = new CookieContainer();
        var page = new PageClient(factory.CreateDefaultClient(new CookieContainerHandler(cookies)));
        using var login = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var reauth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("firebreak.reauth=", StringComparison.Ordinal));
        foreach (var attribute in new[] { "httponly", "samesite=strict", "path=/" })
            Assert.Contains(attribute, reauth, StringComparison.OrdinalIgnoreCase);
        return (page, cookies, email);
    }

    private async Task<string> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ra{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Reauth" }, HttpStatusCode.Created);
        return slug;
    }

    private static Task<HttpResponseMessage> AddMemberAsync(PageClient page, string slug, string email) =>
        page.PostFormAsync($"/projects/{slug}/settings", $"/projects/{slug}/settings?handler=AddMember", new() { ["email"] = email, ["role"] = "reviewer" });

    private static Task<HttpResponseMessage> SignOutEverywhereAsync(PageClient page) =>
        page.PostFormAsync("/account", "/account?handler=SignOutEverywhere", []);

    private async Task<List<string>> MembersAsync(string slug)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        return [.. (await api.GetJsonAsync($"/api/v1/projects/{slug}/members")).AsArray().Select(m => (string)m!["email"]!)];
    }

    private async Task<List<string>> AuditAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<AuditRecord>()
            .Where(r => r.Actor == email && r.Action.StartsWith("reauth")).OrderBy(r => r.Sequence).Select(r => r.Action).ToListAsync(Ct);
    }

    private static void AssertSentToConfirm(HttpResponseMessage response, string back)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/confirm?returnUrl=" + Uri.EscapeDataString(back), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SensitiveHandler_RightAfterSignIn_Works()
    {
        var slug = await ProjectAsync();
        var (page, _, _) = await SignInAsync(admin: true);
        var (_, newcomer) = await factory.CreateUserClientAsync(admin: false);

        using var added = await AddMemberAsync(page, slug, newcomer);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/projects/{slug}/settings", added.Headers.Location?.OriginalString);
        Assert.Contains(newcomer, await MembersAsync(slug));
    }

    [Fact]
    public async Task SensitiveHandler_ElevenMinutesLater_NeedsThePasswordAgain()
    {
        var slug = await ProjectAsync();
        var (page, _, email) = await SignInAsync(admin: true);
        var (_, newcomer) = await factory.CreateUserClientAsync(admin: false);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        using (var stale = await AddMemberAsync(page, slug, newcomer)) AssertSentToConfirm(stale, $"/projects/{slug}/settings");
        Assert.DoesNotContain(newcomer, await MembersAsync(slug));

        var confirm = "/account/confirm?returnUrl=" + Uri.EscapeDataString($"/projects/{slug}/settings");
        using (var wrong = await page.PostFormAsync(confirm, confirm, new() { ["Password"] = "not the password at all" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("That password is wrong", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var stillStale = await AddMemberAsync(page, slug, newcomer)) AssertSentToConfirm(stillStale, $"/projects/{slug}/settings");

        using (var right = await page.PostFormAsync(confirm, confirm, new() { ["Password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal($"/projects/{slug}/settings", right.Headers.Location?.OriginalString);
        }
        using (var added = await AddMemberAsync(page, slug, newcomer)) Assert.Equal($"/projects/{slug}/settings", added.Headers.Location?.OriginalString);
        Assert.Contains(newcomer, await MembersAsync(slug));
        Assert.Equal(["reauth-failed", "reauth"], await AuditAsync(email));
    }

    [Fact]
    public async Task TwoFactorAccount_ConfirmNeedsTheSecondFactorToo()
    {
        var (email, key, codes) = await TwoFactorTests.EnableAsync(factory);
        var (page, signedIn) = await TwoFactorTests.SignInAsync(factory, email, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        using (var stale = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=RecoveryCodes", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
            AssertSentToConfirm(stale, "/account/2fa");
        const string confirm = "/account/confirm?returnUrl=%2Faccount%2F2fa";
        Assert.Contains("Code from your authenticator app", await page.GetHtmlAsync(confirm), StringComparison.Ordinal);
        using (var passwordOnly = await page.PostFormAsync(confirm, confirm, new() { ["Password"] = Password }))
            Assert.Contains("That authenticator code is not valid", await passwordOnly.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var both = await page.PostFormAsync(confirm, confirm, new() { ["Password"] = Password, ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
            Assert.Equal("/account/2fa", both.Headers.Location?.OriginalString);

        using var renewed = await page.PostFormAsync("/account/2fa", "/account/2fa?handler=RecoveryCodes", new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains("Recovery codes left: 10", await renewed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        using (var recovery = await page.PostFormAsync(confirm, confirm, new() { ["Password"] = Password, ["RecoveryCode"] = codes[0] }))
            Assert.Equal(HttpStatusCode.OK, recovery.StatusCode); // the codes were renewed: the old one is spent
        Assert.Equal(["reauth-failed", "reauth", "reauth-failed"], await AuditAsync(email));
    }

    [Fact]
    public async Task ForgedOrOtherAccountsCookie_IsRefused()
    {
        var (victim, victimCookies, _) = await SignInAsync(admin: false);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var (_, otherCookies, _) = await SignInAsync(admin: false);
        var othersFresh = otherCookies.GetCookies(Localhost)["firebreak.reauth"]!.Value;

        foreach (var value in new[] { othersFresh, "forged", "CfDJ8" + new string('A', 120), othersFresh[..^4] + "AAAA" })
        {
            victimCookies.Add(Localhost, new Cookie("firebreak.reauth", value, "/"));
            using var refused = await SignOutEverywhereAsync(victim);
            AssertSentToConfirm(refused, "/account");
        }
    }

    [Fact]
    public async Task Api_WithBearerToken_IsExempt_TheTokenIsTheCredential()
    {
        var slug = await ProjectAsync();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var (_, newcomer) = await factory.CreateUserClientAsync(admin: false);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = newcomer, role = "reviewer" }, HttpStatusCode.NoContent);
        Assert.Contains(newcomer, await MembersAsync(slug));
    }
}
