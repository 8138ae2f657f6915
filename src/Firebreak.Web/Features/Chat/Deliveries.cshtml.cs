using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Chat;

/// <summary>The instance's chat deliveries for administrators: each with its channel, state and every attempt; failed ones can be retried.</summary>
[RequiresPermission(Permission.InstanceAdmin)]
internal sealed class DeliveriesModel(FirebreakDbContext db, ChatSignal signal, TimeProvider time) : PageModel, IReloadablePage
{
    public IReadOnlyList<ChatDelivery> List => Paged.Items;
    public Paged<ChatDelivery> Paged { get; private set; } = new([], 0, 1, Paging.DefaultLimit);
    public IReadOnlyDictionary<Guid, ChatChannel> Channels { get; private set; } = new Dictionary<Guid, ChatChannel>();
    public ILookup<Guid, ChatDeliveryAttempt> Attempts { get; private set; } = Array.Empty<ChatDeliveryAttempt>().ToLookup(a => a.DeliveryId);

    [FromQuery(Name = "p")] public string? PageNumber { get; set; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (ModelState.ErrorCount > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Route values of page n.</summary>
    public Dictionary<string, string> RouteAt(int page) => PagerView.Route(page, Paged.Limit);

    /// <summary>One page of the deliveries, newest first (<c>p</c>, <c>pageSize</c>); a bad value is named and the first page shown.</summary>
    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var paging = this.AskedPage(PageNumber, PageSize);
        // Deliveries queued in one pass share their instant: the id breaks the tie so that pages neither overlap nor skip.
        Paged = await db.Set<ChatDelivery>().AsNoTracking().OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToPagedAsync(paging, ct);
        var ids = List.Select(d => d.Id).ToList();
        var channelIds = List.Select(d => d.ChannelId).Distinct().ToList();
        Channels = await db.Set<ChatChannel>().AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        Attempts = (await db.Set<ChatDeliveryAttempt>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        return true;
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<ChatDelivery>().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } delivery)
        {
            TempData["Flash"] = "That delivery no longer exists.";
            return RedirectToPage();
        }
        delivery.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        TempData["Flash"] = "Delivery queued again.";
        return RedirectToPage();
    }
}
