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
    public bool RelayConfigured => transport.IsConfigured;

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Messages = await db.Set<OutboxMessage>().OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
        return true;
    }

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
