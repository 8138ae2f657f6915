using Firebreak.Domain.Common;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Notifications;

/// <summary>Which notices the signed-in person also gets by e-mail; the inbox always has them all.</summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class NotificationSettingsModel(ChangeNotificationSettings settings) : PageModel, IReloadablePage
{
    public IReadOnlySet<string> Chosen { get; private set; } = new HashSet<string>();

    [BindProperty]
    public List<string> Email { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Chosen = (await settings.GetAsync(ct)).Email!.ToHashSet(StringComparer.Ordinal);
        return true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await settings.ExecuteAsync(Email, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Email), e.Message);
            Chosen = Email.ToHashSet(StringComparer.Ordinal);
            return Page();
        }
        TempData["Flash"] = "Your e-mail choices are saved.";
        return RedirectToPage();
    }
}
