using Firebreak.Web.Features.Notifications;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// A project's chat destination. Its address is stored sealed (a Slack or Discord webhook address is itself the secret);
/// the Matrix access token or the generic webhook's HMAC key is stored protected with <c>StoredSecrets</c> (purpose
/// <c>chat-secret</c>, bound to the project and the channel) and never shown again after creation.
/// </summary>
internal sealed class ChatChannel
{
    public const int MaxName = 100;

    private ChatChannel() { }

    public ChatChannel(Guid id, Guid projectId, ChatKind kind, string name, string address, string? roomId, bool isPrivate,
        IEnumerable<string> events, string actor, DateTimeOffset now)
    {
        Id = id;
        ProjectId = projectId;
        Kind = kind;
        Name = name;
        Address = address;
        Destination = Infrastructure.Outbound.OutboundClient.Redact(new Uri(address));
        RoomId = roomId;
        Private = isPrivate;
        Events = [.. events];
        CreatedBy = actor;
        CreatedAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public ChatKind Kind { get; private set; }

    /// <summary>What people call it ("#security on Slack"); user input, shown escaped.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The webhook address, or the Matrix homeserver's base address (sealed).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Scheme and host of <see cref="Address"/>: what pages and logs may show.</summary>
    public string Destination { get; private set; } = "";

    /// <summary>The Matrix room id (<c>!abc:example.org</c>); null for other kinds.</summary>
    public string? RoomId { get; private set; }

    /// <summary>The access token (Matrix) or HMAC key (webhook), protected; null for Slack and Discord.</summary>
    public string? Secret { get; set; }

    /// <summary>Set by a project admin: the channel is closed to outsiders, so embargoed details may go there.</summary>
    public bool Private { get; private set; }

    /// <summary>The <see cref="NotificationEvents"/> kinds it receives.</summary>
    public List<string> Events { get; private set; } = [];

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
