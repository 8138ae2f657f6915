using Firebreak.Domain.Common;
namespace Firebreak.Web.Features.Notifications;

/// <summary>
/// Which events one account also wants by e-mail (the inbox always has them all). An account without a row gets
/// <see cref="NotificationEvents.EmailDefaults"/>.
/// </summary>
internal sealed class NotificationSettings
{
    private NotificationSettings()
    {
        UserId = EmailEvents = "";
    }

    public NotificationSettings(string userId, IEnumerable<string> emailEvents, DateTimeOffset now)
    {
        UserId = userId;
        EmailEvents = "";
        Change(emailEvents, now);
    }

    public string UserId { get; private set; }

    /// <summary>The kinds e-mailed, comma-separated, in <see cref="NotificationEvents.All"/> order.</summary>
    public string EmailEvents { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlySet<string> Email => EmailEvents.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces the e-mailed kinds; an unknown kind is refused by name.</summary>
    public void Change(IEnumerable<string> emailEvents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(emailEvents);
        var chosen = emailEvents.Select(e => e.Trim()).Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (chosen.FirstOrDefault(k => !NotificationEvents.IsKnown(k)) is { } unknown)
            throw new Domain.Common.DomainException($"email: '{Excerpt.Clip(unknown, 60)}' is not an event; known: {string.Join(", ", NotificationEvents.All.Select(e => e.Kind))}.");
        EmailEvents = string.Join(',', NotificationEvents.All.Select(e => e.Kind).Where(chosen.Contains));
        UpdatedAt = now.UtcDateTime;
    }
}
