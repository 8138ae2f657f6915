using System.Globalization;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238): set up with the key, confirm with a
/// code, receive ten single-use recovery codes (shown once); turn off or renew the codes with a
/// current code. Every change needs a recent password confirmation (a stolen session alone must not
/// replace the second factor), is recorded in the audit chain and signs the account in afresh.
/// </summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser user, AuditTrail audit) : PageModel
{
    public bool Enabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }

    /// <summary>The authenticator URI as a QR code (a PNG data URI; the page's policy allows data: images).</summary>
    public string? QrCodeDataUri => AuthenticatorUri is null ? null : QrCode.PngDataUri(AuthenticatorUri);
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    /// <summary>
    /// Shows a key to put in the authenticator app: one key until setup succeeds (starting again, or a wrong code, shows the
    /// same key, so an app that already holds it keeps working); a new one only when none is waiting.
    /// </summary>
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostSetupAsync()
    {
        if (await LoadAsync() is not { } account) return NotFound();
        if (Enabled) return Page();
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(account))) await users.ResetAuthenticatorKeyAsync(account);
        await ShowKeyAsync(account);
        return Page();
    }

    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await LoadAsync() is not { } account) return NotFound();
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
        {
            ModelState.AddModelError("", "That code is not valid; check the time on your device and try the current code.");
            await ShowKeyAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        await audit.RecordNowAsync(user.Name, "2fa-enabled", $"account {account.Id}", "authenticator app turned on", HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(account);
        Enabled = true;
        RecoveryCodesLeft = RecoveryCodes.Count;
        return Page();
    }

    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostDisableAsync(string? code)
    {
        if (await LoadAsync() is not { } account) return NotFound();
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
        {
            ModelState.AddModelError("", "Turning two-factor sign-in off needs a current code from your authenticator app.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await audit.RecordNowAsync(user.Name, "2fa-disabled", $"account {account.Id}", "authenticator app turned off", HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? code)
    {
        if (await LoadAsync() is not { } account) return NotFound();
        if (!Enabled || !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
        {
            ModelState.AddModelError("", "New recovery codes need two-factor sign-in on and a current code.");
            return Page();
        }
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        RecoveryCodesLeft = RecoveryCodes.Count;
        await audit.RecordNowAsync(user.Name, "2fa-recovery-codes", $"account {account.Id}", "recovery codes renewed", HttpContext.RequestAborted);
        return Page();
    }

    private async Task<AppUser?> LoadAsync()
    {
        var account = await users.FindByIdAsync(user.Id);
        if (account is null) return null;
        Enabled = await users.GetTwoFactorEnabledAsync(account);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(account);
        return account;
    }

    private async Task ShowKeyAsync(AppUser account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        SharedKey = string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var label = Uri.EscapeDataString($"Firebreak:{account.Email}");
        AuthenticatorUri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer=Firebreak&digits=6");
    }

    private static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());
}
