using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

/// <summary>
/// The account page's passkeys: register (named), rename, remove. Registering and removing change
/// how the account can sign in, so they need a recent confirmation and are recorded in the audit
/// chain; renaming only changes a label.
/// </summary>
internal sealed partial class AccountModel
{
    /// <summary>The account's passkeys, oldest first.</summary>
    public IReadOnlyList<PasskeyRow> PasskeyList { get; private set; } = [];

    /// <summary>Options for the browser to create a passkey; a stale confirmation sends the browser to confirm first.</summary>
    [RequiresPermission(Permission.SignedIn)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync() =>
        await users.FindByIdAsync(user.Id) is { } account ? Content(await passkeys.CreationOptionsAsync(account), "application/json") : NotFound();

    [RequiresPermission(Permission.SignedIn)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostAddPasskeyAsync(string? name, string? credential, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
        if (await passkeys.RegisterAsync(account, name, credential, ct) is { } refusal)
        {
            await audit.RecordNowAsync(user.Name, "passkey-add-failed", $"account {account.Id}", $"passkey not registered: {refusal}", ct);
            ModelState.AddModelError("", refusal);
            await ReloadAsync(ct);
            return Page();
        }
        await audit.RecordNowAsync(user.Name, "passkey-added", $"account {account.Id}", $"passkey '{name!.Trim()}' registered", ct);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = $"Passkey '{name.Trim()}' added. You can sign in with it instead of the password.";
        return RedirectToPage();
    }

    [RequiresPermission(Permission.SignedIn)]
    public async Task<IActionResult> OnPostRenamePasskeyAsync(string? id, string? name, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Passkeys.MaxNameLength)
        {
            TempData["Flash"] = $"A passkey's name has 1 to {Passkeys.MaxNameLength} characters.";
            return RedirectToPage();
        }
        if (await passkeys.RenameAsync(account, id, name) is not { } old)
        {
            TempData["Flash"] = "No such passkey.";
            return RedirectToPage();
        }
        await audit.RecordNowAsync(user.Name, "passkey-renamed", $"account {account.Id}", $"passkey '{old}' renamed '{name}'", ct);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = $"Passkey renamed '{name}'.";
        return RedirectToPage();
    }

    [RequiresPermission(Permission.SignedIn)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
        if (await passkeys.RemoveAsync(account, id) is not { } name)
        {
            TempData["Flash"] = "No such passkey.";
            return RedirectToPage();
        }
        await audit.RecordNowAsync(user.Name, "passkey-removed", $"account {account.Id}", $"passkey '{name}' removed", ct);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = $"Passkey '{name}' removed; it no longer signs in.";
        return RedirectToPage();
    }
}
