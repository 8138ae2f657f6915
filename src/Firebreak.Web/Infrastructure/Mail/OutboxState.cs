namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>Where an outbox message stands.</summary>
internal enum OutboxState
{
    /// <summary>Waiting to be sent (or retried).</summary>
    Pending,
    /// <summary>Accepted by the SMTP relay.</summary>
    Sent,
    /// <summary>Gave up after the maximum attempts; kept, and can be retried.</summary>
    Failed,
}
