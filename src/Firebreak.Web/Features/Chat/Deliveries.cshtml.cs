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
    public IReadOnlyList<ChatDelivery> List { get; private set; } = [];
    public IReadOnlyDictionary<Guid, ChatChannel> Channels { get; private set; } = new Dictionary<Guid, ChatChannel>();
    public ILookup<Guid, ChatDeliveryAttempt> Attempts { get; private set; } = Array.Empty<ChatDeliveryAttempt>().ToLookup(a => a.DeliveryId);

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        List = await db.Set<ChatDelivery>().AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(300).ToListAsync(ct);
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
