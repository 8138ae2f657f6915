namespace Firebreak.Web.Features.Chat;

/// <summary>The kinds of chat destination, each with its own wire format (docs/integrations.md).</summary>
internal enum ChatKind
{
    /// <summary>A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): POST <c>{"text"}</c>.</summary>
    Slack,
    /// <summary>A Matrix room: PUT of an <c>m.room.message</c> with the account's access token.</summary>
    Matrix,
    /// <summary>A Discord webhook: POST <c>{"content"}</c>.</summary>
    Discord,
    /// <summary>A generic JSON webhook, signed with HMAC-SHA256.</summary>
    Webhook,
}

internal static class ChatKinds
{
    public static string Name(this ChatKind kind) => kind switch
    {
        ChatKind.Slack => "slack",
        ChatKind.Matrix => "matrix",
        ChatKind.Discord => "discord",
        ChatKind.Webhook => "webhook",
    };

    public static ChatKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "slack" => ChatKind.Slack,
        "matrix" => ChatKind.Matrix,
        "discord" => ChatKind.Discord,
        "webhook" => ChatKind.Webhook,
        _ => null,
    };
}
