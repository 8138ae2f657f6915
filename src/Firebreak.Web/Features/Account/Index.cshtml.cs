using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Account;

[RequiresPermission(Permission.SignedIn)]
internal sealed partial class AccountModel(FirebreakDbContext db, CurrentUser user, ApiTokens tokens,
    UserManager<AppUser> users, SignInManager<AppUser> signIn, Passkeys passkeys, AuditTrail audit) : PageModel, IReloadablePage
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public IReadOnlyList<string> Zones { get; } = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order()];
    public string TimeZone { get; private set; } = "UTC";
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public IReadOnlyList<(Guid Id, string Slug)> Projects { get; private set; } = [];

    public async Task<IActionResult> OnPostCreateAsync(string? name, Guid? projectId, string? role, CancellationToken ct)
    {
        AccessRole? scoped = string.IsNullOrEmpty(role) ? null : Domain.Common.WireNames.Parse<AccessRole>(role, "role");
        (_, NewSecret) = await tokens.CreateAsync(user.Id, name ?? "", ct, projectId, scoped);
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        TempData["Flash"] = await tokens.RevokeAsync(user.Id, id, ct) ? "Token revoked." : "No such token.";
        return RedirectToPage();
    }

    /// <summary>Ends every session of this account (a new security stamp invalidates every cookie), then signs this one in again.</summary>
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
        await users.UpdateSecurityStampAsync(account);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = "Every other session of this account is signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(string? timeZone)
    {
        if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            TempData["Flash"] = $"'{timeZone}' is not a known IANA time zone.";
            return RedirectToPage();
        }
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("Signed-in user vanished.");
        account.TimeZone = timeZone;
        await users.UpdateAsync(account);
        await signIn.RefreshSignInAsync(account);
        TempData["Flash"] = $"Times are now shown in {timeZone}.";
        return RedirectToPage();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await users.FindByIdAsync(user.Id) is { } account) PasskeyList = await passkeys.ListAsync(account, ct);
        Tokens = await db.Set<ApiToken>().Where(t => t.UserId == user.Id).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        TimeZone = user.TimeZone.Id;
        var id = user.Id;
        Projects = [.. (await db.ProjectMembers.Where(m => m.UserId == id).Join(db.Projects, m => m.ProjectId, p => p.Id, (m, p) => new { p.Id, p.Slug })
            .ToListAsync(ct)).OrderBy(p => p.Slug, StringComparer.Ordinal).Select(p => (p.Id, p.Slug))];
        return true;
    }
}
