using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Sends what is due: pending messages whose next attempt has come, one at a time, each first
/// leased through the database so that several servers never send the same message at once.
/// Every attempt is recorded. Delivery is at-least-once: a crash after the relay accepted a
/// message but before the fact was saved sends it again (with the same Message-Id).
/// </summary>
internal sealed partial class MailDelivery(FirebreakDbContext db, IMailTransport transport, IEnumerable<IOutboxObserver> observers,
    TimeProvider time, IOptions<MailOptions> options, ILogger<MailDelivery> logger)
{
    /// <summary>Delivers up to <paramref name="batch"/> due messages; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct, int batch = 50)
    {
        if (!transport.IsConfigured) return 0;
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= nowUtc && (m.LeasedUntil == null || m.LeasedUntil < nowUtc))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await DeliverAsync(id, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> DeliverAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var leaseEnd = (now + options.Value.Lease).UtcDateTime;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.State == OutboxState.Pending && (m.LeasedUntil == null || m.LeasedUntil < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, leaseEnd), ct);
        if (claimed == 0) return false; // another server took it
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, ct);
        string? error = null;
        try
        {
            await transport.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        var at = time.GetUtcNow();
        db.Add(new OutboxAttempt(message.Id, at, error));
        if (error is null) message.MarkSent(at);
        else message.MarkFailed(error, at, options.Value.MaxAttempts);
        await db.SaveChangesAsync(CancellationToken.None); // the relay has it: record that whatever happens to the request
        if (error is not null)
        {
            AttemptFailed(message.Id, message.Attempts, error);
            return false;
        }
        foreach (var observer in observers)
        {
            await observer.DeliveredAsync(message, ct);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} attempt {Attempt} failed: {Error}")]
    private partial void AttemptFailed(Guid messageId, int attempt, string error);
}
