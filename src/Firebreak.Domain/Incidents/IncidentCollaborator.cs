namespace Firebreak.Domain.Incidents;

/// <summary>An account invited to one incident only (need-to-know, like an advisory's collaborators), and who invited it.</summary>
public sealed class IncidentCollaborator
{
    private IncidentCollaborator() => (UserId, AddedBy) = ("", "");

    /// <summary>Invites <paramref name="userId"/> to <paramref name="incidentId"/>.</summary>
    public IncidentCollaborator(Guid incidentId, string userId, string addedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedBy);
        IncidentId = incidentId;
        UserId = userId;
        AddedBy = addedBy;
        AddedAt = now.UtcDateTime;
    }

    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>The invited account.</summary>
    public string UserId { get; private set; }

    /// <summary>When it was invited (UTC).</summary>
    public DateTime AddedAt { get; private set; }

    /// <summary>Who invited it, as the timeline names them.</summary>
    public string AddedBy { get; private set; }
}
