using Firebreak.Web.Features.Notifications;
using System.Security.Cryptography;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Outbound;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// Adds a chat channel to a project after checking what was given: the kind, a name, an address the outbound client
/// would call (https unless the operator allows http, no user info, not resolving to a refused range unless allowed;
/// checked again at every connection), the Matrix room and token. A generic webhook gets a new 256-bit HMAC key,
/// returned once. Audited (without the address or any secret).
/// </summary>
internal sealed class AddChatChannel(FirebreakDbContext db, OutboundClient outbound, DestinationGuard guard, StoredSecrets secrets, AuditTrail audit,
    TimeProvider time)
{
    public const int MaxChannels = 20;

    public async Task<(ChatChannel? Channel, string? Secret, string? Error)> ExecuteAsync(Project project, ChatChannelRequest request, string actor,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(request);
        if (await CheckAsync(request, ct) is { } error) return (null, null, error);
        if (await db.Set<ChatChannel>().CountAsync(c => c.ProjectId == project.Id, ct) >= MaxChannels)
            return (null, null, $"A project has at most {MaxChannels} chat channels; remove one first.");
        var kind = ChatKinds.Parse(request.Kind)!.Value;
        var events = request.Events is null ? NotificationEvents.Kinds : request.Events.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var channel = new ChatChannel(Guid.CreateVersion7(time.GetUtcNow()), project.Id, kind, request.Name!.Trim(), request.Url!.Trim(),
            kind == ChatKind.Matrix ? request.RoomId!.Trim() : null, request.Private, events, actor, time.GetUtcNow());
        var secret = kind switch
        {
            ChatKind.Matrix => request.AccessToken!.Trim(),
            ChatKind.Webhook => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ChatKind.Slack or ChatKind.Discord => null,
        };
        if (secret is not null) channel.Secret = secrets.Protect(StoredSecrets.Purposes.ChatSecret, secret, ChatChannels.Binding(channel));
        db.Add(channel);
        audit.Record(actor, "chat-channel-added", $"project {project.Slug}",
            $"{kind.Name()} channel '{channel.Name}' to {channel.Destination}{(channel.Private ? ", private" : "")}");
        await db.SaveChangesAsync(ct);
        return (channel, kind == ChatKind.Webhook ? secret : null, null);
    }

    /// <summary>The first thing wrong with the request, as a sentence naming the field; null when it is fine.</summary>
    private async Task<string?> CheckAsync(ChatChannelRequest request, CancellationToken ct)
    {
        if (ChatKinds.Parse(request.Kind) is not { } kind) return $"kind: '{request.Kind}' is not a chat kind; use slack, matrix, discord or webhook.";
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) return "name: give the channel a name.";
        if (name.Length > ChatChannel.MaxName) return $"name: at most {ChatChannel.MaxName} characters.";
        if (name.Any(char.IsControl)) return "name: no control characters.";
        var text = request.Url?.Trim() ?? "";
        if (text.Length == 0) return kind == ChatKind.Matrix ? "url: give the homeserver's address (https://matrix.example.org)." : "url: give the webhook's address.";
        if (text.Length > 2000) return "url: at most 2000 characters.";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)) return "url: not an absolute address.";
        try
        {
            outbound.CheckAddress(url);
            await guard.CheckAsync(url.IdnHost, url.Port, ct);
        }
        catch (OutboundRefusedException e) when (e.Reason != OutboundRefusal.NoAddress)
        {
            return $"url: {e.Message}";
        }
        catch (OutboundRefusedException)
        {
            // a name that does not resolve now may later; every connection is checked when it is made
        }
        if (kind == ChatKind.Matrix)
        {
            var room = request.RoomId?.Trim() ?? "";
            if (room.Length is 0 or > 255 || room[0] != '!' || !room.Contains(':', StringComparison.Ordinal) || room.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                return "roomId: a Matrix room id, like !abcdef:example.org (find it in the room's settings).";
            var token = request.AccessToken?.Trim() ?? "";
            if (token.Length is 0 or > 1000 || token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                return "accessToken: the access token of the account that posts (one line, no spaces).";
        }
        foreach (var (kindName, i) in (request.Events ?? []).Select((e, i) => (e, i)))
        {
            if (!NotificationEvents.IsKnown(kindName?.Trim() ?? ""))
                return $"events[{i}]: '{kindName}' is not an event; use {string.Join(", ", NotificationEvents.Kinds)}.";
        }
        return null;
    }
}
