using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.MailQueue;

/// <summary>The mail queue for administrators. Without a relay configured, this is where mail waits.</summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class OutboxModel(FirebreakDbContext db, IMailTransport transport, MailSignal signal, TimeProvider time) : PageModel, IReloadablePage
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public Paged<OutboxMessage> List { get; private set; } = new([], 0, 1, Paging.DefaultLimit);
    public bool RelayConfigured => transport.IsConfigured;

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (ModelState.ErrorCount > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>One page of the queue, newest first (<c>p</c>, <c>pageSize</c>); a bad value is named and the first page shown.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var paging = this.AskedPage(PageNumber, PageSize);
        List = await db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToPagedAsync(paging, ct);
        Messages = List.Items;
        return true;
    }

    public Dictionary<string, string> RouteAt(int page) => PagerView.Route(page, List.Limit);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct) is not { } message) return NotFound();
        message.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        TempData["Flash"] = $"Message to {message.To} queued again.";
        return RedirectToPage();
    }
}
