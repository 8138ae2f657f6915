using System.Diagnostics;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// Sends what is due: pending deliveries whose next attempt has come, one at a time, each first leased through the
/// database so several servers never send the same one at once, through the one outbound client. Every attempt is
/// recorded with its status or error and duration. At-least-once: a crash after the channel answered but before that
/// was saved sends it again with the same delivery id, which receivers dedupe on (Matrix does by transaction id).
/// </summary>
internal sealed partial class SendChatDeliveries(FirebreakDbContext db, OutboundClient outbound, StoredSecrets secrets, TimeProvider time,
    IOptions<ChatOptions> options, ILogger<SendChatDeliveries> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2); // longer than the outbound client's whole timeout

    /// <summary>Delivers up to <paramref name="batch"/> due deliveries; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct, int batch = 50)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<ChatDelivery>()
            .Where(d => d.State == ChatDeliveryState.Pending && d.NextAttemptAt <= nowUtc && (d.LeasedUntil == null || d.LeasedUntil < nowUtc))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(batch).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in due)
        {
            if (await DeliverAsync(id, ct) is { Succeeded: true }) delivered++;
        }
        return delivered;
    }

    /// <summary>One attempt at delivery <paramref name="id"/> now, if no other server holds it; the attempt, or null when not tried.</summary>
    public async Task<ChatDeliveryAttempt?> DeliverAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var leaseEnd = (now + Lease).UtcDateTime;
        var claimed = await db.Set<ChatDelivery>()
            .Where(d => d.Id == id && d.State == ChatDeliveryState.Pending && (d.LeasedUntil == null || d.LeasedUntil < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeasedUntil, leaseEnd), ct);
        if (claimed == 0) return null; // another server took it, or it is no longer pending
        var delivery = await db.Set<ChatDelivery>().SingleAsync(d => d.Id == id, ct);
        var channel = await db.Set<ChatChannel>().AsNoTracking().SingleAsync(c => c.Id == delivery.ChannelId, ct);
        int? status = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            var secret = channel.Secret is null ? null
                : secrets.Reveal(StoredSecrets.Purposes.ChatSecret, channel.Secret, ChatChannels.Binding(channel))
                  ?? throw new InvalidOperationException("The channel's stored token or key cannot be read; add the channel again.");
            var answer = await outbound.SendAsync(ChatMessages.Build(channel, delivery, secret), ct);
            status = answer.Status;
            if (!answer.IsSuccess) error = $"{channel.Destination} answered {answer.Status}";
        }
        catch (Exception e) when (e is OutboundRefusedException or HttpRequestException or InvalidOperationException)
        {
            error = e is OutboundRefusedException refused ? $"refused ({refused.Reason}): {e.Message}" : $"{e.GetType().Name}: {e.Message}";
        }
        var at = time.GetUtcNow();
        db.Add(new ChatDeliveryAttempt(delivery.Id, at, status, error, watch.ElapsedMilliseconds));
        if (error is null) delivery.MarkDelivered(at);
        else delivery.MarkFailed(error, at, options.Value.MaxAttempts, Random.Shared.NextDouble());
        await db.SaveChangesAsync(CancellationToken.None); // the channel has it: record that whatever happens to the request
        if (error is not null) AttemptFailed(logger, delivery.Id, channel.Destination, delivery.Attempts, error);
        return await db.Set<ChatDeliveryAttempt>().AsNoTracking().OrderByDescending(a => a.At).FirstAsync(a => a.DeliveryId == delivery.Id, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat delivery {DeliveryId} to {Destination}, attempt {Attempt}, failed: {Error}")]
    private static partial void AttemptFailed(ILogger logger, Guid deliveryId, string destination, int attempt, string error);
}
