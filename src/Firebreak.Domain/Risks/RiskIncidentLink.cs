namespace Firebreak.Domain.Risks;

/// <summary>An incident a register entry names: its id and its number within the project (#12), which never changes.</summary>
public sealed class RiskIncidentLink
{
    private RiskIncidentLink() { }

    internal RiskIncidentLink(Guid incidentId, int number, DateTimeOffset at)
    {
        IncidentId = incidentId;
        Number = number;
        LinkedAt = at.UtcDateTime;
    }

    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>Its number within the project.</summary>
    public int Number { get; private set; }

    /// <summary>When the link was made (UTC).</summary>
    public DateTime LinkedAt { get; private set; }
}
