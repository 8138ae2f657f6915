using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Account;

/// <summary>Creates the first administrator with the one-time setup token; gone once any account exists.</summary>
[AllowAnonymous]
internal sealed class SetupModel(SetupToken setup, FirebreakDbContext db, CreateAccount create, SignInManager<AppUser> signIn, RecentSignIn recent) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await Allowed() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Allowed()) return NotFound();
        var user = await create.ExecuteAsync(Email ?? "", Password ?? "", admin: true);
        await signIn.SignInAsync(user, isPersistent: false);
        recent.Confirm(HttpContext, user.Id); // the password was chosen this instant
        return RedirectToPage("/Projects/New");
    }

    private async Task<bool> Allowed() => setup.Matches(Token) && !await db.Users.AnyAsync();
}
