namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>
    /// Records on the timeline that an entry of the project's risk register now names this incident, or no longer does.
    /// Only the entry's id is written: its text may describe the weakness and is kept sealed with the register.
    /// </summary>
    public void RecordRiskLink(string riskId, bool linked, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(riskId);
        Record(now, actor, TimelineKind.Risk, linked ? $"Linked to {riskId} in the risk register" : $"No longer linked to {riskId} in the risk register");
    }
}
