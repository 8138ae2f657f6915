using System.Security.Claims;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

[AllowAnonymous]
internal sealed class LoginModel(SignInManager<AppUser> signIn, PasswordSignIn passwordSignIn, AuditTrail audit, RecentSignIn recent, Passkeys passkeys,
    Microsoft.Extensions.Options.IOptions<OidcOptions> oidc) : PageModel
{
    /// <summary>The OpenID Connect provider's name when one is configured.</summary>
    public string? OidcProvider => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    [BindProperty(SupportsGet = true)] public string? Failed { get; set; }

    public void OnGet()
    {
        if (Failed == "oidc") ModelState.AddModelError("", $"Signing in with {oidc.Value.DisplayName} failed or was cancelled. Try again, or use your password.");
    }

    /// <summary>Starts the OpenID Connect round trip; it ends at /account/external.</summary>
    public IActionResult OnPostOidc()
    {
        if (!oidc.Value.Enabled)
        {
            ModelState.AddModelError("", "This server has no OpenID Connect provider configured.");
            return Page();
        }
        var back = Url.Page("/Account/External", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, back), OidcOptions.Scheme);
    }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("", "Enter your e-mail and password.");
            return Page();
        }
        var result = await passwordSignIn.ExecuteAsync(HttpContext, Email.Trim(), Password);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        await audit.RecordNowAsync(Email.Trim(), result.Succeeded ? "sign-in" : result.RequiresTwoFactor ? "sign-in-password" : "sign-in-failed", Email.Trim(),
            $"password sign-in from {address}: {(result.Succeeded ? "succeeded" : result.RequiresTwoFactor ? "password accepted, second factor next" : result.IsLockedOut ? "locked out" : "refused")}", HttpContext.RequestAborted);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        if (!result.Succeeded) return Refused();
        // Signing in is itself a confirmation: sensitive actions work for the next ten minutes.
        if (await signIn.UserManager.FindByNameAsync(Email.Trim()) is { } account) recent.Confirm(HttpContext, account.Id);
        return Back();
    }

    /// <summary>Starts a passkey sign-in: a fresh challenge any passkey of this site may answer, so no e-mail is asked first.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(null), "application/json");

    /// <summary>
    /// Signs in with the browser's answer. A passkey is something held, unlocked by the
    /// authenticator's PIN or biometric: two factors, so no code is asked after it.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, CancellationToken ct)
    {
        var check = await passkeys.VerifyAsync(credential, expected: null, ct);
        var who = check.Account?.Email ?? check.Account?.Id ?? "unknown passkey";
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        await audit.RecordNowAsync(who, check.Refusal is null ? "sign-in" : "sign-in-failed", who,
            $"passkey sign-in from {address}: {(check.Refusal is null ? check.Detail : $"refused, {check.Detail}")}", ct);
        if (check.Refusal is not null || check.Account is null)
        {
            ModelState.AddModelError("", check.Refusal ?? "That passkey was not accepted.");
            return Page();
        }
        await signIn.SignInWithClaimsAsync(check.Account, isPersistent: false, [new Claim(CurrentUser.AuthenticationMethodClaim, CurrentUser.PasskeyMethod)]);
        recent.Confirm(HttpContext, check.Account.Id);
        return Back();
    }

    /// <summary>Where a signed-in visitor goes: the local address they came for, else the dashboard.</summary>
    private IActionResult Back() => Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Incidents/Dashboard");

    private PageResult Refused()
    {
        // One answer for an unknown address, a wrong password and a locked account: the page tells no one which accounts exist.
        ModelState.AddModelError("", "The e-mail or password is wrong, or the account is locked for a while after too many failed attempts.");
        return Page();
    }
}
