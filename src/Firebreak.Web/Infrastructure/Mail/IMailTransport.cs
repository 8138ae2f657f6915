namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>The seam to the outside world: hands one message to a mail relay.</summary>
internal interface IMailTransport
{
    /// <summary>True when a relay is configured; without one, mail stays in the outbox.</summary>
    bool IsConfigured { get; }

    /// <summary>Delivers the message or throws with the relay's reason.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
