using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Re-authentication before a sensitive action: the signed-in account proves its password again,
/// and its second factor when it has one, then returns where it was. Failures count towards the
/// same lockout as sign-in, and every attempt is recorded in the audit chain.
/// </summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class ConfirmModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser user, RecentSignIn recent, AuditTrail audit,
    Passkeys passkeys) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The account has a second factor, so the form asks for it too.</summary>
    public bool TwoFactor { get; private set; }

    /// <summary>The account has a passkey, which alone confirms (it is two factors by itself).</summary>
    public bool HasPasskey { get; private set; }

    private string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Account/Index")!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } account) return NotFound();
        var (how, refusal) = await CheckAsync(account);
        await audit.RecordNowAsync(user.Name, refusal is null ? "reauth" : "reauth-failed", $"account {account.Id}",
            $"confirmed identity ({how}) before {Back}: {refusal ?? "succeeded"}", ct);
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        recent.Confirm(HttpContext, account.Id);
        return LocalRedirect(Back);
    }

    /// <summary>A challenge only this account's passkeys may answer.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await LoadAsync() is { } account ? Content(await passkeys.RequestOptionsAsync(account), "application/json") : NotFound();

    /// <summary>Confirms with one of the account's passkeys; a passkey of any other account is refused and counts as a failed attempt.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, CancellationToken ct)
    {
        if (await LoadAsync() is not { } account) return NotFound();
        var check = await passkeys.VerifyAsync(credential, expected: account, ct);
        var accepted = check.Refusal is null && check.Account?.Id == account.Id;
        await audit.RecordNowAsync(user.Name, accepted ? "reauth" : "reauth-failed", $"account {account.Id}",
            $"confirmed identity (passkey) before {Back}: {(accepted ? check.Detail : $"refused, {check.Detail}")}", ct);
        if (!accepted)
        {
            ModelState.AddModelError("", check.Refusal ?? "That passkey was not accepted.");
            return Page();
        }
        recent.Confirm(HttpContext, account.Id);
        return LocalRedirect(Back);
    }

    /// <summary>What was checked, and why it was refused (null when accepted).</summary>
    private async Task<(string How, string? Refusal)> CheckAsync(AppUser account)
    {
        if (string.IsNullOrEmpty(Password)) return ("nothing", "Enter your password.");
        var password = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: true);
        if (password.IsLockedOut) return ("password", "This account is locked for a while after too many failed attempts.");
        if (!password.Succeeded) return ("password", "That password is wrong.");
        if (!TwoFactor) return ("password", null);
        var recovery = !string.IsNullOrWhiteSpace(RecoveryCode);
        var how = recovery ? "password and recovery code" : "password and authenticator code";
        var second = recovery
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(account, RecoveryCode!.Replace(" ", "", StringComparison.Ordinal))).Succeeded
            : await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, new string((Code ?? "").Where(char.IsAsciiDigit).ToArray()));
        if (!second)
        {
            // A right password with a wrong code is still a failed attempt (as at sign-in).
            await users.AccessFailedAsync(account);
            return (how, recovery ? "That recovery code is not valid." : "That authenticator code is not valid.");
        }
        await users.ResetAccessFailedCountAsync(account);
        return (how, null);
    }

    private async Task<AppUser?> LoadAsync()
    {
        var account = await users.FindByIdAsync(user.Id);
        if (account is null) return null;
        TwoFactor = await users.GetTwoFactorEnabledAsync(account);
        HasPasskey = (await users.GetPasskeysAsync(account)).Count > 0;
        return account;
    }
}
