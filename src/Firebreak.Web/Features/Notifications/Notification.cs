namespace Firebreak.Web.Features.Notifications;

/// <summary>
/// One entry of a person's "waiting for you" inbox: what happened (<see cref="Event"/>), in which project and incident,
/// where to go about it, and whether they have seen it. A notice is written in the same save as the change that
/// caused it, once per person (<see cref="DedupKey"/>), so a retried or repeated pass never tells anyone twice.
/// </summary>
internal sealed class Notification
{
    public const int MaxTitle = 500;
    public const int MaxKey = 200;

    private Notification()
    {
        UserId = Event = Title = Link = DedupKey = "";
    }

    public Notification(string userId, Notice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        ProjectId = notice.ProjectId;
        IncidentId = notice.IncidentId;
        Event = notice.Event;
        Title = notice.Title.Length > MaxTitle ? notice.Title[..(MaxTitle - 1)] + "…" : notice.Title;
        Severity = notice.Severity;
        Link = notice.Link;
        DedupKey = Firebreak.Web.Infrastructure.Mail.Outbox.StoredKey(notice.DedupKey);
        CreatedAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }

    /// <summary>The account told.</summary>
    public string UserId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid? IncidentId { get; private set; }

    /// <summary>One of <see cref="NotificationEvents"/>.</summary>
    public string Event { get; private set; }

    /// <summary>One line saying what happened (sealed at rest: it may name an embargoed vulnerability).</summary>
    public string Title { get; private set; }

    /// <summary>The incident's severity when the notice was written, if it concerns one.</summary>
    public string? Severity { get; private set; }

    /// <summary>Where to act: a path on this server, starting with one slash.</summary>
    public string Link { get; private set; }

    public string DedupKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now.UtcDateTime;
}

/// <summary>What to tell: the event, where it happened, one line, the path to act on, and the key that keeps it single.</summary>
/// <param name="Event">One of <see cref="NotificationEvents"/>.</param>
/// <param name="ProjectId">The project it happened in.</param>
/// <param name="IncidentId">The incident, if it concerns one.</param>
/// <param name="Title">One line, shown in the inbox and as the e-mail's subject.</param>
/// <param name="Link">Where to act: a path on this server.</param>
/// <param name="DedupKey">Unique per logical event (e.g. <c>clock-breached:{incident}:first-action</c>); each person is told once per key.</param>
/// <param name="Severity">The incident's severity, if it concerns one.</param>
/// <param name="Actor">Who caused it (their sign-in name); they are not told about their own action.</param>
/// <param name="Public">What a chat channel that is not private may be told: the kind of thing and its severity, nothing embargoed.</param>
internal sealed record Notice(string Event, Guid ProjectId, Guid? IncidentId, string Title, string Link, string DedupKey, string? Severity = null,
    string? Actor = null, string? Public = null);
