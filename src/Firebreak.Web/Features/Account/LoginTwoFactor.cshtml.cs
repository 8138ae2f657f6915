using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
internal sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, AuditTrail audit, RecentSignIn recent) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } account) return RedirectToPage("/Account/Login");
        var recovery = !string.IsNullOrWhiteSpace(RecoveryCode);
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", "", StringComparison.Ordinal))
            : await signIn.TwoFactorAuthenticatorSignInAsync(new string((Code ?? "").Where(char.IsAsciiDigit).ToArray()), isPersistent: false, rememberClient: false);
        var how = recovery ? "recovery code" : "authenticator code";
        await audit.RecordNowAsync(account.Email ?? account.Id, result.Succeeded ? "sign-in" : "sign-in-failed", account.Email ?? account.Id,
            $"second factor ({how}): {(result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked out" : "refused")}", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            recent.Confirm(HttpContext, account.Id); // password and second factor just proved: a fresh confirmation
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Incidents/Dashboard");
        }
        ModelState.AddModelError("", result.IsLockedOut ? "This account is locked for a while after too many failed attempts." : $"That {how} is not valid.");
        return Page();
    }
}
