using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Infrastructure.Outbound;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// The request each kind of channel gets for a delivery (formats in docs/integrations.md). The text is the severity,
/// the summary and the link; the embargoed detail is added only when the channel is private now and was when the
/// notice came. Mentions are defused: Slack's control characters are escaped, Discord is told to parse no mention,
/// so a summary cannot ping a whole channel.
/// </summary>
internal static class ChatMessages
{
    public const string SignatureHeader = "X-Firebreak-Signature-256";
    public const string DeliveryHeader = "X-Firebreak-Delivery";
    public const string EventHeader = "X-Firebreak-Event";

    /// <param name="channel">Where it goes.</param>
    /// <param name="delivery">What it says; its id is the delivery id and Matrix transaction id.</param>
    /// <param name="secret">The revealed access token (Matrix) or HMAC key (webhook); null for Slack and Discord.</param>
    public static OutboundRequest Build(ChatChannel channel, ChatDelivery delivery, string? secret)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(delivery);
        var detail = channel.Private ? delivery.Detail : null;
        var text = Text(delivery, detail);
        switch (channel.Kind)
        {
            case ChatKind.Slack:
                return Post(channel.Address, new JsonObject { ["text"] = SlackEscape(text) });
            case ChatKind.Discord:
                return Post(channel.Address, new JsonObject
                {
                    ["content"] = text.Length > 2000 ? text[..1999] + "…" : text,
                    ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
                });
            case ChatKind.Matrix:
                var url = new Uri($"{channel.Address.TrimEnd('/')}/_matrix/client/v3/rooms/{Uri.EscapeDataString(channel.RoomId ?? "")}/send/m.room.message/{delivery.Id:N}");
                return new OutboundRequest(HttpMethod.Put, url, Json(new JsonObject { ["msgtype"] = "m.text", ["body"] = text }), "application/json",
                    new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" });
            case ChatKind.Webhook:
                var body = new JsonObject
                {
                    ["id"] = delivery.Id.ToString(),
                    ["event"] = delivery.EventKind,
                    ["severity"] = delivery.Severity,
                    ["summary"] = delivery.Summary,
                    ["link"] = delivery.Link,
                    ["occurredAt"] = new DateTimeOffset(delivery.OccurredAt, TimeSpan.Zero).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                };
                if (detail is not null) body["detail"] = detail;
                var raw = Json(body);
                return new OutboundRequest(HttpMethod.Post, new Uri(channel.Address), raw, "application/json", new Dictionary<string, string>
                {
                    [SignatureHeader] = Sign(secret ?? throw new InvalidOperationException("A webhook channel has no key."), raw),
                    [DeliveryHeader] = delivery.Id.ToString(),
                    [EventHeader] = delivery.EventKind,
                });
            default:
                throw new InvalidOperationException($"Unknown chat kind {channel.Kind}.");
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body under the channel's key.</summary>
    public static string Sign(string key, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    private static string Text(ChatDelivery delivery, string? detail)
    {
        var text = new StringBuilder();
        if (delivery.Severity is { Length: > 0 } severity) text.Append('[').Append(severity).Append("] ");
        text.Append(delivery.Summary).Append('\n').Append(delivery.Link);
        if (detail is { Length: > 0 }) text.Append("\n\n").Append(detail);
        return text.ToString();
    }

    private static string SlackEscape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static OutboundRequest Post(string address, JsonObject body) => new(HttpMethod.Post, new Uri(address), Json(body), "application/json");

    private static byte[] Json(JsonObject body) => Encoding.UTF8.GetBytes(body.ToJsonString());
}
