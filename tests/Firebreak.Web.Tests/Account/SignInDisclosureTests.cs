using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Firebreak.Web.Tests.Account;

/// <summary>
/// Signing in tells nobody which accounts exist: an unknown address, a wrong password and a locked
/// account get the same answer after the same work (one password-hash check each), and one address
/// may only try so often. (The timing itself is measured by the battery, not here.)
/// </summary>
public sealed class SignInDisclosureTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly SqliteFactory _factory = new();
    private readonly CountingHasher _hasher = new();
    private WebApplicationFactory<Program> _server = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Security:LockoutAttempts"] = "3";
        _server = _factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<IPasswordHasher<AppUser>>();
            s.AddSingleton<IPasswordHasher<AppUser>>(_hasher);
        }));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Page, int Checks)> AttemptAsync(string email, string password)
    {
        var page = new PageClient(_server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var before = _hasher.Verifications;
        using var response = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), _hasher.Verifications - before);
    }

    [Fact]
    public async Task UnknownAddress_WrongPassword_AndLockedAccount_GetOneAnswerAfterOneHashCheckEach()
    {
        _factory.RequireDatabase();
        const string known = "known@example.test";
        await using (var scope = _server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(known, "correct horse battery", admin: false);

        var unknown = await AttemptAsync("nobody@example.test", "correct horse battery");
        var wrong = await AttemptAsync(known, "wrong horse battery");
        await AttemptAsync(known, "wrong horse battery");
        await AttemptAsync(known, "wrong horse battery"); // the third failure locks it
        var locked = await AttemptAsync(known, "correct horse battery");

        const string refusal = "The e-mail or password is wrong, or the account is locked for a while after too many failed attempts.";
        foreach (var (status, page, checks) in new[] { unknown, wrong, locked })
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(refusal, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            Assert.Equal(1, checks);
        }
        Assert.DoesNotContain("locked for a while after too many failed attempts.</", unknown.Page.Replace(refusal, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneAddress_PastItsSignInAttempts_IsToldToWait()
    {
        _factory.RequireDatabase();
        await using var limited = _server.WithWebHostBuilder(b => b.UseSetting("Security:SignInAttemptsPerAddress", "2"));
        var page = new PageClient(limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "x@example.test", ["Password"] = "wrong horse battery" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>The real hasher, counting verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
