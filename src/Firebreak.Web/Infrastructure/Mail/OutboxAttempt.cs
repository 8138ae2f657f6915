namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>One try at delivering an outbox message: when, and what the relay said.</summary>
internal sealed class OutboxAttempt
{
    private OutboxAttempt() { }

    public OutboxAttempt(Guid messageId, DateTimeOffset at, string? error)
    {
        Id = Guid.CreateVersion7(at);
        MessageId = messageId;
        At = at.UtcDateTime;
        Succeeded = error is null;
        Error = error is { Length: > 2000 } ? error[..2000] : error;
    }

    public Guid Id { get; private set; }

    public Guid MessageId { get; private set; }

    public DateTime At { get; private set; }

    public bool Succeeded { get; private set; }

    public string? Error { get; private set; }
}
