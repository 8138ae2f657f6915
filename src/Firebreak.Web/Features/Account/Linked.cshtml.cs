using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Account;

/// <summary>The account's linked OpenID Connect identities: link one (a round trip to the provider) or unlink it, each after a recent sign-in.</summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class LinkedModel(SignInManager<AppUser> signIn, CurrentUser user, AuditTrail audit, IOptions<OidcOptions> options) : PageModel
{
    public bool Enabled => options.Value.Enabled;
    public string Provider => options.Value.DisplayName;
    public IList<UserLoginInfo> Logins { get; private set; } = [];

    public async Task OnGetAsync() => Logins = await signIn.UserManager.GetLoginsAsync(await AccountAsync());

    [RequiresRecentSignIn]
    public IActionResult OnPostLink()
    {
        if (!Enabled)
        {
            TempData["Flash"] = "This server has no OpenID Connect provider configured.";
            return RedirectToPage();
        }
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, Url.Page("/Account/External", new { link = "true" }), user.Id);
        return Challenge(properties, OidcOptions.Scheme);
    }

    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostUnlinkAsync(string? provider, string? key, CancellationToken ct)
    {
        var account = await AccountAsync();
        var removed = await signIn.UserManager.RemoveLoginAsync(account, provider ?? "", key ?? "");
        await audit.RecordNowAsync(user.Name, removed.Succeeded ? "oidc-unlinked" : "oidc-unlink-refused", $"{provider}:{key}", removed.Succeeded ? "unlinked the identity" : "no such linked identity", ct);
        TempData["Flash"] = removed.Succeeded ? $"{Provider} identity unlinked." : "No such linked identity.";
        if (removed.Succeeded) await signIn.RefreshSignInAsync(account);
        return RedirectToPage();
    }

    private async Task<AppUser> AccountAsync() =>
        await signIn.UserManager.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
}
