using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// A password sign-in that tells nothing about which accounts exist: an unknown address and a
/// locked account cost the same password-hash check as a wrong password (against a hash made once at
/// start-up with the same hasher), and all three get the same refusal. Known accounts count failures
/// towards the lockout (<c>Security:LockoutAttempts</c>, default 10, for <c>Security:LockoutMinutes</c>,
/// default 15); every address may try <c>Security:SignInAttemptsPerAddress</c> times (default 30) in
/// 15 minutes.
/// </summary>
internal sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInLimiter limiter)
{
    public async Task<SignInResult> ExecuteAsync(HttpContext http, string email, string password)
    {
        await limiter.TakeAsync(http);
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            limiter.SpendAsMuchAsACheck(hasher, password);
            return user is null ? SignInResult.Failed : SignInResult.LockedOut;
        }
        return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }
}

/// <summary>The per-address sign-in limit and the stand-in hash unknown accounts are checked against.</summary>
internal sealed class SignInLimiter(IConfiguration configuration, IPasswordHasher<AppUser> hasher, RateWindows shared) : IDisposable
{
    private readonly AddressLimiter _limiter = new(configuration.GetValue("Security:SignInAttemptsPerAddress", 30), TimeSpan.FromMinutes(15), shared);

    // A hash of a random password, made with the same hasher (and so the same work factor) as real ones.
    private readonly string _standIn = hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public Task TakeAsync(HttpContext http) => _limiter.TakeAsync(http, "sign-in", http.RequestAborted);

    /// <summary>Checks the password against the stand-in hash: the work a real check costs, with no account behind it.</summary>
    public void SpendAsMuchAsACheck(IPasswordHasher<AppUser> passwords, string password) =>
        _ = passwords.VerifyHashedPassword(new AppUser(), _standIn, password);

    public void Dispose() => _limiter.Dispose();
}
