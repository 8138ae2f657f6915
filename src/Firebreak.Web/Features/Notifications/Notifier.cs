using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Templates;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Notifications;

/// <summary>
/// Tells people about one event, inside the caller's unit of work: an inbox entry for each, an e-mail through the
/// outbox to those who want this kind by e-mail, and a message to each of the project's chat channels subscribed to it. Nothing is written until the caller saves, so a notice exists exactly
/// when the change that caused it committed; the keys make a repeated call (a retried save, a second worker pass, a
/// second server) tell nobody twice. The person who caused the event is not told about it.
/// </summary>
[PublicFace]
internal sealed class Notifier(FirebreakDbContext db, Outbox outbox, Chat.ChatOutbox chat, PublicUrl urls, TimeProvider time, BatchReads batchReads)
{
    public const string MailPurpose = "notification";

    /// <summary>Tells <paramref name="people"/> unless this event (its key) was told before; returns how many were told.</summary>
    public async Task<int> TellAsync(Notice notice, IEnumerable<Person> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(people);
        if (!notice.Link.StartsWith('/') || notice.Link.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException($"A notice links to a path on this server, not '{notice.Link}'.", nameof(notice));
        var key = Outbox.StoredKey(notice.DedupKey);
        // The mark is the one record that the event was told: a second call, pass or server finds it (or loses the race
        // to insert it, and its whole save with it), so nobody hears twice even when the people to tell have changed.
        if (db.TracksAny<NoticeMark>(m => m.Key == key)
            || (!db.NamesIncidentAddedHere(notice.IncidentId, key) && await db.Set<NoticeMark>().AnyAsync(m => m.Key == key, ct))) return 0;
        db.Add(new NoticeMark(key, notice.Event, time.GetUtcNow()));
        // The project's chat channels subscribed to this kind; only a private one is sent the title.
        var what = NotificationEvents.Describe(notice.Event);
        await chat.AddAsync(notice.ProjectId, new Chat.ChatNotice(notice.Event, notice.Severity,
            notice.Public ?? (notice.Severity is null ? what.Label : $"{what.Label} ({notice.Severity})"), notice.Title,
            $"{urls.Configured ?? ""}{notice.Link}", notice.DedupKey, time.GetUtcNow()), ct);
        var recipients = people.DistinctBy(p => p.UserId)
            .Where(p => notice.Actor is null || !string.Equals(p.Email, notice.Actor, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (recipients.Count == 0) return 0;
        var ids = recipients.Select(p => p.UserId).ToList();
        var settings = await batchReads.GetAsync($"notification-settings:{string.Join(',', ids.Order(StringComparer.Ordinal))}",
            () => db.Set<NotificationSettings>().AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct));
        var now = time.GetUtcNow();
        var told = 0;
        foreach (var person in recipients)
        {
            db.Add(new Notification(person.UserId, notice, now));
            told++;
            var email = settings.TryGetValue(person.UserId, out var chosen) ? chosen.Email : NotificationEvents.EmailDefaults;
            if (email.Contains(notice.Event) && MailAddresses.IsPlain(person.Email ?? ""))
                await outbox.EnqueueAsync(Mail(notice, person.Email!), ct);
        }
        return told;
    }

    private MailDraft Mail(Notice notice, string to)
    {
        var what = NotificationEvents.Describe(notice.Event);
        var link = $"{urls.Configured ?? ""}{notice.Link}";
        var body = $"""
            {notice.Title}

            {link}

            You get this e-mail because you chose "{what.Label}" notices by e-mail; change that on your account's notifications page: {urls.Configured ?? ""}/account/notifications
            """;
        return new MailDraft($"notify:{notice.DedupKey}:{to.ToLowerInvariant()}", to, LiquidTemplates.OneLine($"[Firebreak] {notice.Title}"), body, null,
            MailPurpose, notice.ProjectId, notice.IncidentId);
    }
}
