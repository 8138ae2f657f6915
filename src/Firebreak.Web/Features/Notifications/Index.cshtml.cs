using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Notifications;

/// <summary>"Waiting for you": the signed-in person's notices, unread first in emphasis, each leading to where to act.</summary>
[RequiresPermission(Permission.SignedIn)]
internal sealed class InboxModel(Inbox inbox) : PageModel, IReloadablePage
{
    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];
    public int Unread { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Unread = await inbox.UnreadAsync(ct);
        Entries = await inbox.ListAsync(UnreadOnly, PageNumber, ct);
        return true;
    }

    /// <summary>Opening a notice marks it read and goes where it leads (always a path on this server).</summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid id, CancellationToken ct) =>
        await inbox.OpenAsync(id, ct) is { } link ? LocalRedirect(link) : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await inbox.ReadAllAsync(ct);
        TempData["Flash"] = marked == 1 ? "One notice marked read." : $"{marked} notices marked read.";
        return RedirectToPage();
    }
}
