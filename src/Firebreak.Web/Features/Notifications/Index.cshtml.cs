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
    public Paged<InboxEntry> List { get; private set; } = new([], 0, 1, Inbox.PageSize);
    public int Unread { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool UnreadOnly { get; set; }

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (ModelState.ErrorCount > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var paging = this.AskedPage(PageNumber, PageSize, Inbox.PageSize);
        Unread = await inbox.UnreadAsync(ct);
        List = await inbox.PageAsync(UnreadOnly, paging, ct);
        Entries = List.Items;
        return true;
    }

    /// <summary>Route values of page n, the filter kept.</summary>
    public Dictionary<string, string> RouteAt(int page)
    {
        return PagerView.Route(page, List.Limit, ("unreadOnly", UnreadOnly ? "true" : null));
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
