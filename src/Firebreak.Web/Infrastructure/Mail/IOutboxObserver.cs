namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Told after a message was delivered and that fact committed, so a feature can react (the
/// intake feature stops the acknowledgement clock when the acknowledgement has gone out).
/// </summary>
internal interface IOutboxObserver
{
    Task DeliveredAsync(OutboxMessage message, CancellationToken ct);
}
