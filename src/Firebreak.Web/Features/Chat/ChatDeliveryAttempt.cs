namespace Firebreak.Web.Features.Chat;

/// <summary>One try at a chat delivery: when, what the channel answered (or why nothing was sent), how long it took.</summary>
internal sealed class ChatDeliveryAttempt
{
    private ChatDeliveryAttempt() { }

    public ChatDeliveryAttempt(Guid deliveryId, DateTimeOffset at, int? status, string? error, long milliseconds)
    {
        Id = Guid.CreateVersion7(at);
        DeliveryId = deliveryId;
        At = at.UtcDateTime;
        Status = status;
        Succeeded = error is null;
        Error = error is { Length: > 2000 } ? error[..2000] : error;
        Milliseconds = milliseconds;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The HTTP status, when an answer came.</summary>
    public int? Status { get; private set; }

    public bool Succeeded { get; private set; }

    public string? Error { get; private set; }

    public long Milliseconds { get; private set; }
}
