using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Account;

[RequiresPermission(Permission.SignedIn)]
internal sealed class LogoutModel(SignInManager<AppUser> signIn, RecentSignIn recent) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Incidents/Dashboard");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        recent.Forget(HttpContext);
        return RedirectToPage("/Account/Login");
    }
}
