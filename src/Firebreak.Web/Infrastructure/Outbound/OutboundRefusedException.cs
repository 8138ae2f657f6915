namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// The outbound client refused a destination or an answer. The message names the reason and at most the scheme and host,
/// never the path, query or user info (a Slack or Discord webhook address is itself a secret).
/// </summary>
internal sealed class OutboundRefusedException : Exception
{
    public OutboundRefusedException() : this(OutboundRefusal.NotAnAddress, "refused") { }

    public OutboundRefusedException(string message) : this(OutboundRefusal.NotAnAddress, message) { }

    public OutboundRefusedException(string message, Exception inner) : base(message, inner) => Reason = OutboundRefusal.NotAnAddress;

    public OutboundRefusedException(OutboundRefusal reason, string message) : base(message) => Reason = reason;

    public OutboundRefusal Reason { get; }
}
