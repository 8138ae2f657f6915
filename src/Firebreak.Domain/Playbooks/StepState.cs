using Firebreak.Domain.Common;
using System.Text.Json;

namespace Firebreak.Domain.Playbooks;

/// <summary>Where one step of a run stands, who moved it last, and the evidence recorded.</summary>
public sealed class StepState
{
    private StepState() { StepId = ""; EvidenceJson = "{}"; }

    internal StepState(string stepId, int position, StepStatus status)
    {
        StepId = stepId;
        Position = position;
        Status = status;
        EvidenceJson = "{}";
    }

    /// <summary>The step's id in the playbook.</summary>
    public string StepId { get; private set; }

    /// <summary>Order in the playbook, from 0.</summary>
    public int Position { get; private set; }

    /// <summary>Where it stands.</summary>
    public StepStatus Status { get; private set; }

    /// <summary>Who last completed, skipped or decided it.</summary>
    public string? Actor { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime? At { get; private set; }

    /// <summary>The reason given for skipping it.</summary>
    public string? Reason { get; private set; }

    /// <summary>For a decision: the answer chosen (or implied by starting the run past it).</summary>
    public string? DecisionOptionId { get; private set; }

    /// <summary>The evidence as stored: a JSON object of strings.</summary>
    public string EvidenceJson { get; private set; }

    /// <summary>The evidence recorded when the step was done.</summary>
    public IReadOnlyDictionary<string, string> Evidence =>
        JsonSerializer.Deserialize(EvidenceJson, DomainJsonContext.Default.DictionaryStringString) ?? [];

    internal void Resolve(StepStatus status, string? actor, DateTimeOffset? at, string? reason, string? option, IReadOnlyDictionary<string, string>? evidence)
    {
        Status = status;
        Actor = actor;
        At = at?.UtcDateTime;
        Reason = reason;
        DecisionOptionId = option;
        EvidenceJson = JsonSerializer.Serialize(evidence is null ? [] : new Dictionary<string, string>(evidence), DomainJsonContext.Default.DictionaryStringString);
    }

    internal void Reset() => Resolve(StepStatus.Pending, null, null, null, null, null);
}
