using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Account;

/// <summary>
/// Optional sign-in with an OpenID Connect provider, against a provider on loopback (the only stand-in: a third-party
/// service): an identity signs in only the account it was linked to, linking needs a signed-in account, the second
/// factor still applies, and a broken round trip lands on the login page with a message.
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private FakeOidcProvider _provider = null!;
    private SqliteFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _factory = new SqliteFactory
        {
            Settings =
            {
                ["Authentication:Oidc:Authority"] = _provider.Authority,
                ["Authentication:Oidc:ClientId"] = FakeOidcProvider.ClientId,
                ["Authentication:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret,
                ["Authentication:Oidc:DisplayName"] = "Example ID",
                ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            },
        };
        // The round trip's cookies expire by the server's clock and are kept by the client against the real one.
        _factory.Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Follows a challenge through the provider and back (over plain http the answer comes as a query), then the callback's redirect; returns the final response.</summary>
    private async Task<HttpResponseMessage> RoundTripAsync(HttpClient browser, HttpResponseMessage challenge)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(_provider.Authority + "/authorize", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var plain = new HttpClient();
        var grant = JsonNode.Parse(await plain.GetStringAsync(challenge.Headers.Location, Ct))!;
        Assert.NotEqual("form_post", (string)grant["response_mode"]!); // absent means query, the default for the code flow
        var target = $"{new Uri((string)grant["redirect_uri"]!).AbsolutePath}?code={Uri.EscapeDataString((string)grant["code"]!)}&state={Uri.EscapeDataString((string)grant["state"]!)}";
        var callback = await browser.GetAsync(new Uri(target, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await browser.GetAsync(callback.Headers.Location, Ct);
    }

    private static async Task<HttpResponseMessage> StartSignInAsync(PageClient page) =>
        await page.PostFormAsync("/account/login", "/account/login?handler=Oidc", []);

    [Fact]
    public async Task UnlinkedIdentity_SignsNobodyIn_EvenWithAMatchingVerifiedEmail()
    {
        _factory.RequireDatabase();
        var email = $"oidc-{Guid.NewGuid():N}@example.test";
        await PageClient.SignInAsync(_factory, admin: false, email); // the account exists
        _provider.NextUser = ($"sub-{Guid.NewGuid():N}", email, true);
        var page = new PageClient(Browser());
        Assert.Contains("Sign in with Example ID", await page.GetHtmlAsync("/account/login"), StringComparison.Ordinal);

        var result = await RoundTripAsync(page.Http, await StartSignInAsync(page));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("No Firebreak account is linked to this Example ID identity", await result.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var home = await page.Http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/login", home.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedIdentity_SignsInItsAccount_AndUnlinkingEndsThat()
    {
        var email = $"oidc-{Guid.NewGuid():N}@example.test";
        var subject = $"sub-{Guid.NewGuid():N}";
        var owner = await PageClient.SignInAsync(_factory, admin: false, email);
        _provider.NextUser = (subject, "whatever@provider.example", false);
        var linked = await RoundTripAsync(owner.Http, await owner.PostFormAsync("/account/linked", "/account/linked?handler=Link", []));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/account/linked", linked.Headers.Location!.ToString());
        Assert.Contains(subject, await owner.GetHtmlAsync("/account/linked"), StringComparison.Ordinal);

        var fresh = new PageClient(Browser());
        _provider.NextUser = (subject, null, false);
        var signedIn = await RoundTripAsync(fresh.Http, await StartSignInAsync(fresh));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
        Assert.Contains(email, await fresh.GetHtmlAsync("/account"), StringComparison.Ordinal);

        var unlinked = await owner.PostFormAsync("/account/linked", "/account/linked?handler=Unlink", new() { ["provider"] = OidcOptions.Scheme, ["key"] = subject });
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        var again = new PageClient(Browser());
        var refused = await RoundTripAsync(again.Http, await StartSignInAsync(again));
        Assert.Contains("No Firebreak account is linked", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedAccountWithTwoFactor_StillAsksForTheSecondFactor()
    {
        var email = $"oidc-{Guid.NewGuid():N}@example.test";
        var subject = $"sub-{Guid.NewGuid():N}";
        var owner = await PageClient.SignInAsync(_factory, admin: false, email);
        _provider.NextUser = (subject, null, false);
        await RoundTripAsync(owner.Http, await owner.PostFormAsync("/account/linked", "/account/linked?handler=Link", []));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByEmailAsync(email);
            await users.ResetAuthenticatorKeyAsync(account!);
            await users.SetTwoFactorEnabledAsync(account!, true);
        }
        var fresh = new PageClient(Browser());
        var result = await RoundTripAsync(fresh.Http, await StartSignInAsync(fresh));
        Assert.Equal(HttpStatusCode.Redirect, result.StatusCode);
        Assert.StartsWith("/account/login/2fa", result.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var home = await fresh.Http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode); // not signed in until the second factor
    }

    [Fact]
    public async Task BrokenRoundTrip_LandsOnTheLoginPageWithAMessage()
    {
        _factory.RequireDatabase();
        var page = new PageClient(Browser());
        await StartSignInAsync(page);
        using var callback = await page.Http.GetAsync(new Uri("/signin-oidc?code=stolen&state=not-the-state-we-sent", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(OidcSignIn.FailedPath, callback.Headers.Location!.ToString());
        Assert.Contains("Signing in with Example ID failed or was cancelled", await page.GetHtmlAsync(OidcSignIn.FailedPath), StringComparison.Ordinal);

        using var direct = await page.Http.GetAsync(new Uri("/account/external", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Contains("did not complete", await direct.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
