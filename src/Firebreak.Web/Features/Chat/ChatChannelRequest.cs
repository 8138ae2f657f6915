namespace Firebreak.Web.Features.Chat;

/// <summary>
/// A new channel as asked for: <c>kind</c> (slack, matrix, discord, webhook), <c>name</c>, <c>url</c> (the webhook
/// address, or the Matrix homeserver), <c>roomId</c> and <c>accessToken</c> for Matrix, <c>private</c>, and the
/// <c>events</c> it receives (every kind when absent).
/// </summary>
internal sealed record ChatChannelRequest(string? Kind, string? Name, string? Url, string? RoomId, string? AccessToken, bool Private,
    IReadOnlyList<string>? Events);

/// <summary>A channel as shown: never its address beyond scheme and host, never its token or key.</summary>
internal sealed record ChatChannelJson(Guid Id, string Kind, string Name, string Destination, string? RoomId, bool Private,
    IReadOnlyList<string> Events, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static ChatChannelJson From(ChatChannel c) => new(c.Id, c.Kind.Name(), c.Name, c.Destination, c.RoomId, c.Private, c.Events, c.CreatedBy,
        new DateTimeOffset(c.CreatedAt, TimeSpan.Zero));
}

/// <summary>The channel just added, and the generic webhook's HMAC key: the only time it is shown.</summary>
internal sealed record ChatChannelCreatedJson(ChatChannelJson Channel, string? Secret);

/// <summary>What the test message came to.</summary>
internal sealed record ChatTestJson(Guid DeliveryId, bool Delivered, int? Status, string? Error);
