using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Account;

/// <summary>
/// Passkeys over HTTP with a software authenticator: register on the account page, sign in with
/// the passkey alone, confirm with it; and every hostile answer (no antiforgery token, no session,
/// a stale confirmation, garbage, an expired or replayed challenge, another account's passkey)
/// ends as a refusal on the page, never a 500.
/// </summary>
public sealed class PasskeyTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Password = "correct horse battery";
    private static readonly Uri Localhost = new("http://localhost/");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A browser without a browser whose cookies the test can read and put back.</summary>
    private (PageClient Page, CookieContainer Cookies) NewClient()
    {
        var cookies = new CookieContainer();
        var http = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        http.DefaultRequestHeaders.Add("Origin", "http://localhost"); // as a browser sends with every POST
        return (new PageClient(http), cookies);
    }

    private async Task<(PageClient Page, CookieContainer Cookies, string Email)> SignedInAsync()
    {
        factory.RequireDatabase();
        var email = $"passkey-{Guid.NewGuid():N}@example.test";
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, Password, admin: false);
        var (page, cookies) = NewClient();
        using var login = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (page, cookies, email);
    }

    private static async Task<JsonNode> OptionsAsync(PageClient page, string pagePath, string handler)
    {
        using var response = await page.PostFormAsync(pagePath, $"{pagePath}?handler={handler}", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private static async Task<HttpResponseMessage> RegisterAsync(PageClient page, SoftAuthenticator authenticator, string name)
    {
        var credential = authenticator.Create(await OptionsAsync(page, "/account", "PasskeyCreationOptions"));
        return await page.PostFormAsync("/account", "/account?handler=AddPasskey", new() { ["Name"] = name, ["Credential"] = credential });
    }

    private static async Task<HttpResponseMessage> PasskeySignInAsync(PageClient page, SoftAuthenticator authenticator) =>
        await page.PostFormAsync("/account/login", "/account/login?handler=Passkey",
            new() { ["Credential"] = authenticator.Get(await OptionsAsync(page, "/account/login", "PasskeyOptions")) });

    private async Task<List<string>> AuditAsync(string actor, string prefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<AuditRecord>()
            .Where(r => r.Actor == actor && r.Action.StartsWith(prefix)).OrderBy(r => r.Sequence).Select(r => new { r.Action, r.Detail }).ToListAsync(Ct))
            .ConvertAll(r => r.Action + ": " + r.Detail); // Detail is sealed: opened when read, so joined after
    }

    private async Task<int> FailedCountAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync(Ct);
    }

    /// <summary>A redirect (post/redirect/get); otherwise the failure shows the page's errors.</summary>
    private static async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var html = await response.Content.ReadAsStringAsync(Ct);
        var errors = html.IndexOf("class=\"errors\"", StringComparison.Ordinal);
        Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {(errors < 0 ? "no errors shown" : html.Substring(errors, Math.Min(600, html.Length - errors)))}");
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Register_ThenSignInWithThePasskeyAlone_ListsIt_RenameAndRemove()
    {
        var (page, _, email) = await SignedInAsync();
        using var authenticator = new SoftAuthenticator();

        using (var added = await RegisterAsync(page, authenticator, "  work laptop "))
        {
            await AssertRedirectAsync(added);
            Assert.Equal("/account", added.Headers.Location?.OriginalString);
        }
        var account = await page.GetHtmlAsync("/account");
        Assert.Contains("<td class=\"passkey-name\">work laptop</td>", account, StringComparison.Ordinal);
        Assert.Contains(">never<", account, StringComparison.Ordinal);

        var (fresh, _) = NewClient();
        using (var signedIn = await PasskeySignInAsync(fresh, authenticator))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        }
        Assert.Contains("Dashboard", await fresh.GetHtmlAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(">never<", await fresh.GetHtmlAsync("/account"), StringComparison.Ordinal);

        using (var renamed = await fresh.PostFormAsync("/account", "/account?handler=RenamePasskey", new() { ["id"] = authenticator.Id, ["name"] = "old laptop" }))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("<td class=\"passkey-name\">old laptop</td>", await fresh.GetHtmlAsync("/account"), StringComparison.Ordinal);
        // Signing in with the passkey was itself a confirmation: removing works without the password.
        using (var removed = await fresh.PostFormAsync("/account", "/account?handler=RemovePasskey", new() { ["id"] = authenticator.Id }))
            Assert.Equal("/account", removed.Headers.Location?.OriginalString);
        Assert.Contains("No passkeys yet.", await fresh.GetHtmlAsync("/account"), StringComparison.Ordinal);

        var (again, _) = NewClient();
        using (var gone = await PasskeySignInAsync(again, authenticator))
            Assert.Contains("That passkey was not accepted.", await BodyAsync(gone), StringComparison.Ordinal);
        var events = await AuditAsync(email, "passkey-");
        Assert.Equal(["passkey-added", "passkey-renamed", "passkey-removed"], events.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains(await AuditAsync(email, "sign-in"), e => e.StartsWith("sign-in: passkey sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAntiforgeryToken_EveryPasskeyPostIsRefused()
    {
        var (page, _, _) = await SignedInAsync();
        foreach (var (pagePath, handler) in new[] { ("/account/login", "PasskeyOptions"), ("/account/login", "Passkey"), ("/account", "PasskeyCreationOptions"),
                     ("/account", "AddPasskey"), ("/account", "RemovePasskey"), ("/account", "RenamePasskey"), ("/account/confirm", "PasskeyOptions"), ("/account/confirm", "Passkey") })
        {
            using var response = await page.PostFormAsync(pagePath, $"{pagePath}?handler={handler}", new() { ["Credential"] = "{}" }, withToken: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{pagePath} {handler}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task NotSignedIn_AccountHandlersSendToTheLoginPage()
    {
        var (anonymous, _) = NewClient();
        foreach (var handler in new[] { "PasskeyCreationOptions", "AddPasskey", "RemovePasskey", "RenamePasskey" })
        {
            using var response = await anonymous.PostFormAsync("/account/login", $"/account?handler={handler}", []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaleConfirmation_RegisterAndRemoveNeedItAgain_ThenAPasskeyConfirms()
    {
        var (page, _, email) = await SignedInAsync();
        using var authenticator = new SoftAuthenticator();
        using (var added = await RegisterAsync(page, authenticator, "phone")) await AssertRedirectAsync(added);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        foreach (var handler in new[] { "PasskeyCreationOptions", "AddPasskey", "RemovePasskey" })
        {
            using var stale = await page.PostFormAsync("/account", $"/account?handler={handler}", new() { ["id"] = authenticator.Id, ["Name"] = "x", ["Credential"] = "{}" });
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.Equal("/account/confirm?returnUrl=%2Faccount", stale.Headers.Location?.OriginalString);
        }
        Assert.Contains("<td class=\"passkey-name\">phone</td>", await page.GetHtmlAsync("/account"), StringComparison.Ordinal);

        const string confirm = "/account/confirm?returnUrl=%2Faccount";
        Assert.Contains("Confirm with a passkey", await page.GetHtmlAsync(confirm), StringComparison.Ordinal);
        var credential = authenticator.Get(await OptionsAsync(page, "/account/confirm", "PasskeyOptions"));
        using (var confirmed = await page.PostFormAsync(confirm, "/account/confirm?handler=Passkey&returnUrl=%2Faccount", new() { ["Credential"] = credential }))
            Assert.Equal("/account", confirmed.Headers.Location?.OriginalString);
        using (var removed = await page.PostFormAsync("/account", "/account?handler=RemovePasskey", new() { ["id"] = authenticator.Id }))
            Assert.Equal("/account", removed.Headers.Location?.OriginalString);
        Assert.Contains(await AuditAsync(email, "reauth"), e => e.StartsWith("reauth: confirmed identity (passkey)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "passkeys need JavaScript")]
    [InlineData("{not json", "passkey answer could not be read")]
    [InlineData("[]", "passkey answer could not be read")]
    [InlineData("{\"id\":\"AAAA\",\"response\":{\"clientDataJSON\":\"%%%\"}}", "passkey answer could not be read")]
    [InlineData("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"eyJjaGFsbGVuZ2UiOjF9\"}}", "passkey answer could not be read")]
    public async Task GarbageAnswer_IsAClearRefusal(string credential, string refusal)
    {
        var (page, _) = NewClient();
        await OptionsAsync(page, "/account/login", "PasskeyOptions");
        using var response = await page.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = credential });
        Assert.Contains(refusal, await BodyAsync(response), StringComparison.Ordinal);

        var (signedIn, _, _) = await SignedInAsync();
        await OptionsAsync(signedIn, "/account", "PasskeyCreationOptions");
        using var add = await signedIn.PostFormAsync("/account", "/account?handler=AddPasskey", new() { ["Name"] = "junk", ["Credential"] = credential });
        Assert.Contains(refusal, await BodyAsync(add), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WellFormedButWrong_AnswersAreRefusedOnThePage()
    {
        var (page, _, email) = await SignedInAsync();
        using var authenticator = new SoftAuthenticator();
        using (var added = await RegisterAsync(page, authenticator, "key")) await AssertRedirectAsync(added);

        var (anonymous, _) = NewClient();
        // An answer with no challenge under way in this browser.
        var unasked = authenticator.Get(await OptionsAsync(page, "/account/login", "PasskeyOptions"));
        using (var response = await anonymous.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = unasked }))
            Assert.Contains("expired or was already answered", await BodyAsync(response), StringComparison.Ordinal);
        // Signed for another origin (a phishing site relaying the challenge).
        authenticator.Origin = "http://evil.example";
        using (var phished = await PasskeySignInAsync(anonymous, authenticator))
            Assert.Contains("That passkey was not accepted.", await BodyAsync(phished), StringComparison.Ordinal);
        authenticator.Origin = "http://localhost";
        // A signature made by some other key over the right challenge.
        using var impostor = new SoftAuthenticator { UserHandle = authenticator.UserHandle };
        var answer = JsonNode.Parse(impostor.Get(await OptionsAsync(anonymous, "/account/login", "PasskeyOptions")))!;
        answer["id"] = authenticator.Id;
        answer["rawId"] = authenticator.Id;
        using (var forged = await anonymous.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = answer.ToJsonString() }))
            Assert.Contains("That passkey was not accepted.", await BodyAsync(forged), StringComparison.Ordinal);

        Assert.Equal(2, await FailedCountAsync(email)); // the phished and the forged answer named this account's passkey
        Assert.Equal(3, (await AuditAsync(email, "sign-in-failed")).Count(e => e.Contains("passkey sign-in", StringComparison.Ordinal)));
        using (var ok = await PasskeySignInAsync(anonymous, authenticator)) Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(0, await FailedCountAsync(email));
    }

    [Fact]
    public async Task ExpiredOrReplayedChallenge_IsRefused()
    {
        var (page, _, _) = await SignedInAsync();
        using var authenticator = new SoftAuthenticator(); // sign count stays 0: only the spent challenge stops the replay
        using (var added = await RegisterAsync(page, authenticator, "key")) await AssertRedirectAsync(added);

        var (late, _) = NewClient();
        var answer = authenticator.Get(await OptionsAsync(late, "/account/login", "PasskeyOptions"));
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        using (var expired = await late.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = answer }))
            Assert.Contains("expired or was already answered", await BodyAsync(expired), StringComparison.Ordinal);

        var (victim, victimCookies) = NewClient();
        answer = authenticator.Get(await OptionsAsync(victim, "/account/login", "PasskeyOptions"));
        var state = victimCookies.GetCookies(Localhost).Single(c => c.Name.Contains("TwoFactorUserId", StringComparison.Ordinal));
        using (var first = await victim.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = answer }))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // The same browser again: its challenge cookie is gone.
        using (var again = await victim.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = answer }))
            Assert.Contains("expired or was already answered", await BodyAsync(again), StringComparison.Ordinal);
        // An eavesdropper with a copy of the challenge cookie and the answer.
        var (attacker, attackerCookies) = NewClient();
        attackerCookies.Add(Localhost, new Cookie(state.Name, state.Value, "/"));
        using (var replayed = await attacker.PostFormAsync("/account/login", "/account/login?handler=Passkey", new() { ["Credential"] = answer }))
            Assert.Contains("expired or was already answered", await BodyAsync(replayed), StringComparison.Ordinal);
        using var stillOut = await attacker.Http.GetAsync(new Uri("/account", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
    }

    [Fact]
    public async Task Confirm_WithAnotherAccountsPasskey_IsRefusedAndCounted()
    {
        var (alice, _, _) = await SignedInAsync();
        using var alicesKey = new SoftAuthenticator();
        using (var added = await RegisterAsync(alice, alicesKey, "alice")) await AssertRedirectAsync(added);
        var (bob, _, bobEmail) = await SignedInAsync();
        using var bobsKey = new SoftAuthenticator();
        using (var added = await RegisterAsync(bob, bobsKey, "bob")) await AssertRedirectAsync(added);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        const string confirm = "/account/confirm?handler=Passkey&returnUrl=%2Faccount";
        var wrong = alicesKey.Get(await OptionsAsync(bob, "/account/confirm", "PasskeyOptions"));
        using (var refused = await bob.PostFormAsync("/account/confirm", confirm, new() { ["Credential"] = wrong }))
            Assert.Contains("That passkey was not accepted.", await BodyAsync(refused), StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(bobEmail));
        using (var stale = await bob.PostFormAsync("/account", "/account?handler=RemovePasskey", new() { ["id"] = bobsKey.Id }))
            Assert.Equal("/account/confirm?returnUrl=%2Faccount", stale.Headers.Location?.OriginalString);

        // Bob cannot remove Alice's passkey even when confirmed.
        var right = bobsKey.Get(await OptionsAsync(bob, "/account/confirm", "PasskeyOptions"));
        using (var confirmed = await bob.PostFormAsync("/account/confirm", confirm, new() { ["Credential"] = right }))
            Assert.Equal("/account", confirmed.Headers.Location?.OriginalString);
        using (var notHis = await bob.PostFormAsync("/account", "/account?handler=RemovePasskey", new() { ["id"] = alicesKey.Id }))
            Assert.Equal("/account", notHis.Headers.Location?.OriginalString);
        Assert.Contains("<td class=\"passkey-name\">alice</td>", await alice.GetHtmlAsync("/account"), StringComparison.Ordinal);
        Assert.Equal(["reauth-failed", "reauth"], (await AuditAsync(bobEmail, "reauth")).Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }
}
