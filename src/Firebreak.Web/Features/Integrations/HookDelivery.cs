namespace Firebreak.Web.Features.Integrations;

/// <summary>What a delivery came to.</summary>
internal enum HookOutcome
{
    /// <summary>It opened an incident.</summary>
    Opened,
    /// <summary>Its vulnerability or key already had an incident; the delivery was recorded on it.</summary>
    Joined,
    /// <summary>News about an existing incident (fixed, dismissed, resolved, published, withdrawn), recorded on its timeline.</summary>
    Recorded,
    /// <summary>A ping, answered.</summary>
    Ping,
    /// <summary>Accepted and recorded, nothing to do (an event or action not handled, nothing affected, nothing to find).</summary>
    Ignored,
    /// <summary>Signed correctly but unreadable (not JSON, or not the event's shape).</summary>
    Malformed,
}

/// <summary>
/// One signed delivery, kept whatever it came to: the source, GitHub's delivery id (unique per project and source, so a
/// replay finds it and changes nothing), the event and action, the outcome with a sentence saying why, and the incident.
/// </summary>
internal sealed class HookDelivery
{
    public const int MaxDeliveryId = 100;
    public const int MaxName = 64;

    private HookDelivery() { }

    public HookDelivery(Guid projectId, HookSource source, string deliveryId, string @event, string action, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ProjectId = projectId;
        Source = source;
        DeliveryId = deliveryId;
        Event = Cut(@event, MaxName);
        Action = Cut(action, MaxName);
        ReceivedAt = now.UtcDateTime;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public HookSource Source { get; private set; }
    public string DeliveryId { get; private set; } = "";
    public string Event { get; private set; } = "";
    public string Action { get; private set; } = "";
    public HookOutcome Outcome { get; private set; }

    /// <summary>Why, in a sentence (sealed: it may name a private advisory).</summary>
    public string Verdict { get; private set; } = "";
    public Guid? IncidentId { get; private set; }
    public DateTime ReceivedAt { get; private set; }

    public void Judge(HookOutcome outcome, string verdict, Guid? incidentId)
    {
        Outcome = outcome;
        Verdict = Cut(verdict, 2000);
        IncidentId = incidentId;
    }

    public static string Cut(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length <= max ? t : t[..max];
    }
}
