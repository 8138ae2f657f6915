namespace Firebreak.Web.Features.Chat;

/// <summary>Where a chat delivery stands.</summary>
internal enum ChatDeliveryState
{
    /// <summary>Waiting to be sent (or retried).</summary>
    Pending,
    /// <summary>The channel answered 2xx.</summary>
    Delivered,
    /// <summary>Gave up after the maximum attempts; kept, and can be retried.</summary>
    Failed,
}

/// <summary>
/// One notice for one channel, added in the same unit of work as the change it tells of, then sent by the worker with
/// every attempt recorded. Its id is the delivery id receivers dedupe on (<c>X-Firebreak-Delivery</c>, Matrix's
/// transaction id), the same on every retry.
/// </summary>
internal sealed class ChatDelivery
{
    public const int MaxKey = 200;

    private ChatDelivery() { }

    public ChatDelivery(ChatChannel channel, ChatNotice notice, string dedupeKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(notice);
        Id = Guid.CreateVersion7(now);
        ChannelId = channel.Id;
        ProjectId = channel.ProjectId;
        DedupeKey = dedupeKey;
        EventKind = notice.EventKind;
        Severity = notice.Severity;
        Summary = notice.Summary;
        Detail = channel.Private ? notice.EmbargoedDetail : null; // a public channel's row never holds it
        Link = notice.Link;
        OccurredAt = notice.OccurredAt.UtcDateTime;
        CreatedAt = now.UtcDateTime;
        NextAttemptAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }

    public Guid ChannelId { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>Unique per channel: the notice's key (hashed when long).</summary>
    public string DedupeKey { get; private set; } = "";

    public string EventKind { get; private set; } = "";

    public string? Severity { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>The embargoed detail, kept only for a channel that was private when the notice came (sealed).</summary>
    public string? Detail { get; private set; }

    public string Link { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public ChatDeliveryState State { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Not to be tried before this instant (UTC).</summary>
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The server holding it until this instant (UTC), so several servers send it once.</summary>
    public DateTime? LeasedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkDelivered(DateTimeOffset now)
    {
        Attempts++;
        State = ChatDeliveryState.Delivered;
        DeliveredAt = now.UtcDateTime;
        LeasedUntil = null;
        LastError = null;
    }

    /// <summary>
    /// A failed attempt: the next one after 30 s doubling per attempt (at most 1 h), spread by ±20 % so that deliveries
    /// failing together do not retry together; after <paramref name="maxAttempts"/> it is parked as failed, still kept.
    /// </summary>
    /// <param name="error">What went wrong (no secret: the outbound client names scheme and host only).</param>
    /// <param name="now">When the attempt ended.</param>
    /// <param name="maxAttempts">Attempts before giving up.</param>
    /// <param name="jitter">A number in [0, 1) choosing where in the ±20 % band the delay falls.</param>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts, double jitter)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeasedUntil = null;
        var seconds = Math.Min(3600, 30 * Math.Pow(2, Math.Min(Attempts - 1, 20))) * (0.8 + 0.4 * jitter);
        NextAttemptAt = (now + TimeSpan.FromSeconds(seconds)).UtcDateTime;
        if (Attempts >= maxAttempts) State = ChatDeliveryState.Failed;
    }

    /// <summary>An operator's retry of a failed delivery: pending again, due now, with the same id.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != ChatDeliveryState.Failed) return;
        State = ChatDeliveryState.Pending;
        NextAttemptAt = now.UtcDateTime;
    }
}
