using Firebreak.Web.Features.Notifications;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// Queues chat messages inside the caller's unit of work. The notification system calls <see cref="AddAsync"/> in the
/// same scope, on the same <see cref="FirebreakDbContext"/>, as the change the notice tells of, and saves as usual:
/// the messages exist exactly when that change committed, and the chat worker sends them afterwards (retried with
/// back-off, every attempt recorded, shown at <c>/admin/chat</c>).
/// </summary>
/// <example>
/// <code>
/// await chat.AddAsync(project.Id, new ChatNotice(NotificationEvents.IncidentOpened, "high",
///     $"Incident #{incident.Number} opened: high, reported vulnerability", incident.Title, link,
///     $"incident-opened:{incident.Id}", now), ct);
/// await db.SaveChangesAsync(ct); // the caller's save commits the incident and its chat messages together
/// </code>
/// </example>
[PublicFace]
internal sealed class ChatOutbox(FirebreakDbContext db, TimeProvider time, BatchReads batchReads)
{
    /// <summary>
    /// Adds one delivery for every channel of <paramref name="projectId"/> subscribed to <paramref name="notice"/>'s
    /// event kind, without saving. A channel that already has (or was just given) a delivery with the notice's
    /// <see cref="ChatNotice.DedupeKey"/> is skipped, so adding a notice twice never fails the caller's save.
    /// <see cref="ChatNotice.EmbargoedDetail"/> is kept only for channels marked private.
    /// </summary>
    public async Task AddAsync(Guid projectId, ChatNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!NotificationEvents.IsKnown(notice.EventKind))
            throw new ArgumentException($"'{notice.EventKind}' is not one of NotificationEvents.", nameof(notice));
        var channels = (await batchReads.GetAsync($"chat-channels:{projectId}", () => db.Set<ChatChannel>().Where(c => c.ProjectId == projectId).ToListAsync(ct)))
            .Where(c => c.Events.Contains(notice.EventKind, StringComparer.Ordinal)).ToList();
        await AddForAsync(channels, notice, ct);
    }

    /// <summary>The test button's message: one delivery to <paramref name="channel"/> alone, whatever it subscribes to. Not saved.</summary>
    public async Task<ChatDelivery> AddTestAsync(ChatChannel channel, string projectName, string link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var now = time.GetUtcNow();
        var notice = new ChatNotice(NotificationEvents.Test, null, $"Test message from Firebreak for {projectName}: this channel works.",
            channel.Private ? "This channel is marked private: embargoed details are sent here." : null, link, $"test:{Guid.NewGuid():N}", now);
        await AddForAsync([channel], notice, ct);
        return db.TrackedWhere<ChatDelivery>(d => d.ChannelId == channel.Id && d.DedupeKey == notice.DedupeKey).Single();
    }

    private async Task<int> AddForAsync(List<ChatChannel> channels, ChatNotice notice, CancellationToken ct)
    {
        if (channels.Count == 0) return 0;
        var key = StoredKey(notice.DedupeKey);
        var ids = channels.Select(c => c.Id).ToList();
        var deliveries = db.Set<ChatDelivery>();
        var taken = (await deliveries.Where(d => ids.Contains(d.ChannelId) && d.DedupeKey == key).Select(d => d.ChannelId).ToListAsync(ct)).ToHashSet();
        taken.UnionWith(db.TrackedWhere<ChatDelivery>(d => d.DedupeKey == key).Select(d => d.ChannelId));
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var channel in channels.Where(c => !taken.Contains(c.Id)))
        {
            deliveries.Add(new ChatDelivery(channel, notice, key, now));
            added++;
        }
        return added;
    }

    /// <summary>The key as stored, as the mail outbox stores its keys (a long key keeps its head and the SHA-256 of the whole).</summary>
    public static string StoredKey(string key) => Infrastructure.Mail.Outbox.StoredKey(key);
}
