using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// A follow-up from an incident (usually from its post-mortem): what to do, who owns it (a member of the project), by
/// when, where it is tracked, and whether it was done or decided against (with a reason). Its due date is a clock like
/// the incident's: running, at risk in its last quarter, met or breached.
/// </summary>
public sealed class ActionItem
{
    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>The longest reason.</summary>
    public const int MaxReasonLength = 2_000;

    private ActionItem()
    {
        Title = "";
        OwnerId = "";
        CreatedBy = "";
    }

    /// <summary>Identifier (version-7 GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>The incident it follows up.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>The incident's project.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>What to do.</summary>
    public string Title { get; private set; }

    /// <summary>The owning account (a member of the project when assigned).</summary>
    public string OwnerId { get; private set; }

    /// <summary>When it is due (UTC).</summary>
    public DateTime DueAt { get; private set; }

    /// <summary>The issue or pull request in the project's tracker (https), if any.</summary>
    public string? Link { get; private set; }

    /// <summary>Open, done or won't do.</summary>
    public ActionItemStatus Status { get; private set; }

    /// <summary>Why it will not be done (required then), or a note on how it was done.</summary>
    public string? Reason { get; private set; }

    /// <summary>When it was added (UTC); its clock starts here.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Who added it.</summary>
    public string CreatedBy { get; private set; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When it was marked done or won't do (UTC); null while open.</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>Counts changes; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The due-date clock, stopped when the item was closed.</summary>
    public SlaClock Clock => new(ClockKind.ActionItem, CreatedAt.AsInstant(), DueAt.AsInstant(), ClosedAt is { } closed ? closed.AsInstant() : null);

    /// <summary>Adds an item to an incident; the due instant lies ahead of <paramref name="now"/>.</summary>
    public static ActionItem Create(Incident incident, string? title, string ownerId, DateTimeOffset? dueAt, string? link, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        return new ActionItem
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incident.Id,
            ProjectId = incident.ProjectId,
            Title = CheckTitle(title),
            OwnerId = ownerId,
            DueAt = CheckDue(dueAt, now).UtcDateTime,
            Link = FixRelease.CheckUrl(link, "link"),
            Status = ActionItemStatus.Open,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor,
            UpdatedAt = now.UtcDateTime,
            Version = 1,
        };
    }

    /// <summary>
    /// Applies the given changes (null: unchanged; an empty link clears it) made from version <paramref name="basedOn"/>
    /// when the caller names one; returns what changed, in words, for the timeline (never the title or the reason, which
    /// are kept sealed with the item).
    /// </summary>
    public IReadOnlyList<string> Change(string? title, string? ownerId, string? ownerName, DateTimeOffset? dueAt, string? link,
        ActionItemStatus? status, string? reason, int? basedOn, DateTimeOffset now)
    {
        if (basedOn is { } version && version != Version)
            throw DomainException.ChangedMeanwhile($"version: the action item changed meanwhile (you edited version {version}; it is at version {Version}). Reload it and decide again.");
        var changes = new List<string>();
        if (title is not null && CheckTitle(title) is var t && t != Title) { Title = t; changes.Add("title"); }
        if (ownerId is not null && ownerId != OwnerId) { OwnerId = ownerId; changes.Add($"owner → {ownerName ?? ownerId}"); }
        if (dueAt is { } due && due.UtcDateTime != DueAt)
        {
            DueAt = CheckDue(due, now).UtcDateTime;
            changes.Add($"due {DueAt:u}");
        }
        if (link is not null && FixRelease.CheckUrl(link, "link") is var l && l != Link) { Link = l; changes.Add(l is null ? "link removed" : "link"); }
        var cleanReason = reason is null ? null : reason.Trim();
        if (cleanReason is { Length: > MaxReasonLength }) throw new DomainException($"reason: longer than {MaxReasonLength:N0} characters.");
        if (status is { } next && next != Status)
        {
            if (next == ActionItemStatus.WontDo && string.IsNullOrEmpty(cleanReason))
                throw new DomainException("reason: say why it will not be done.");
            Status = next;
            ClosedAt = next == ActionItemStatus.Open ? null : now.UtcDateTime;
            Reason = next == ActionItemStatus.Open ? null : (string.IsNullOrEmpty(cleanReason) ? null : cleanReason);
            changes.Add(next switch
            {
                ActionItemStatus.Open => "reopened",
                ActionItemStatus.Done => "done",
                ActionItemStatus.WontDo => "won't do (reason given)",
            });
        }
        else if (cleanReason is not null && status is null && Status != ActionItemStatus.Open && cleanReason.Length > 0 && cleanReason != Reason)
        {
            Reason = cleanReason;
            changes.Add("reason changed");
        }
        if (changes.Count == 0) return changes;
        Version++;
        UpdatedAt = now.UtcDateTime;
        return changes;
    }

    private static string CheckTitle(string? title)
    {
        title = (title ?? "").Trim();
        if (title.Length == 0) throw new DomainException("title: say what is to be done.");
        if (title.Length > MaxTitleLength) throw new DomainException($"title: longer than {MaxTitleLength} characters.");
        if (title.Any(char.IsControl)) throw new DomainException("title: one line, without control characters.");
        return title;
    }

    private static DateTimeOffset CheckDue(DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (dueAt is not { } due) throw new DomainException("dueAt: required (when it is due).");
        if (due <= now) throw new DomainException($"dueAt: {due.UtcDateTime:u} is not in the future.");
        if (due > now.AddDays(3660)) throw new DomainException("dueAt: more than ten years ahead.");
        return due;
    }
}
