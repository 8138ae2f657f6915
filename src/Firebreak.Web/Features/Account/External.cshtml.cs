using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Where the OpenID Connect round trip ends (<see cref="OidcOptions"/>): signs in the account the provider's identity is
/// linked to (through the second factor when the account has one), links it for a signed-in account that asked to
/// (<c>?link=true</c>), or — only when the operator allows it — links it to the account with the same verified e-mail.
/// Everything else is refused with a message; no account is ever created here.
/// </summary>
[AllowAnonymous]
internal sealed class ExternalModel(SignInManager<AppUser> signIn, AuditTrail audit, RecentSignIn recent, IOptions<OidcOptions> options) : PageModel
{
    public string? Problem { get; private set; }
    public string Provider => options.Value.DisplayName;

    public async Task<IActionResult> OnGetAsync(bool link, string? returnUrl, CancellationToken ct)
    {
        var signedIn = User.Identity?.IsAuthenticated == true ? await signIn.UserManager.GetUserAsync(User) : null;
        var info = await signIn.GetExternalLoginInfoAsync(link ? signedIn?.Id : null);
        if (info is null) return Refuse($"Signing in with {Provider} did not complete. Try again.");
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var subject = $"{info.LoginProvider}:{info.ProviderKey}";
        if (link)
        {
            if (signedIn is null) return Refuse("Sign in with your password first, then link the provider from your account.");
            var added = await signIn.UserManager.AddLoginAsync(signedIn, info);
            await audit.RecordNowAsync(signedIn.Email ?? signedIn.Id, added.Succeeded ? "oidc-linked" : "oidc-link-refused", subject,
                added.Succeeded ? $"linked {Provider} identity" : string.Join("; ", added.Errors.Select(e => e.Description)), ct);
            if (!added.Succeeded) return Refuse($"This {Provider} identity could not be linked: {string.Join(" ", added.Errors.Select(e => e.Description))}");
            TempData["Flash"] = $"{Provider} sign-in is linked to your account.";
            return RedirectToPage("/Account/Linked");
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed && options.Value.AutoLinkVerifiedEmail
            && await VerifiedAccountAsync(info) is { } match)
        {
            var added = await signIn.UserManager.AddLoginAsync(match, info);
            if (added.Succeeded)
            {
                await audit.RecordNowAsync(match.Email ?? match.Id, "oidc-linked", subject, $"linked {Provider} identity by its verified e-mail address", ct);
                result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
            }
        }
        var account = await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        var who = account?.Email ?? subject;
        await audit.RecordNowAsync(who, result.Succeeded ? "sign-in" : result.RequiresTwoFactor ? "sign-in-oidc" : "sign-in-failed", who,
            $"{Provider} sign-in: {(result.Succeeded ? "succeeded" : result.RequiresTwoFactor ? "identity accepted, second factor next" : result.IsLockedOut ? "locked out" : account is null ? "no linked account" : "refused")}", ct);
        var local = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = local });
        if (result.IsLockedOut) return Refuse("This account is locked for a while after too many failed attempts.");
        if (!result.Succeeded)
            return Refuse($"No Firebreak account is linked to this {Provider} identity. Sign in with your password and link it from your account page.");
        recent.Confirm(HttpContext, account!.Id);
        return local is null ? RedirectToPage("/Incidents/Dashboard") : LocalRedirect(local);
    }

    private async Task<AppUser?> VerifiedAccountAsync(ExternalLoginInfo info)
    {
        var email = info.Principal.FindFirst("email")?.Value;
        var verified = string.Equals(info.Principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return verified && !string.IsNullOrWhiteSpace(email) ? await signIn.UserManager.FindByEmailAsync(email) : null;
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        return Page();
    }
}
