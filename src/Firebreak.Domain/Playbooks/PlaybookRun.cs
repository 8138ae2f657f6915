using Firebreak.Domain.Common;

namespace Firebreak.Domain.Playbooks;

/// <summary>
/// One run of a playbook for an incident: the state of every step. A step waits while a decision
/// before it that names it in some answer is unanswered; answering enables the steps the chosen
/// answer names and rules out (not applicable) those only other answers name. Reopening a decision
/// puts the ruled-out steps back to waiting; steps already done on the old branch keep their state
/// and evidence (what was done was done). A handover ends the run.
/// </summary>
public sealed partial class PlaybookRun
{
    private readonly List<StepState> _steps = [];

    private PlaybookRun() { PlaybookId = ""; }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>Order among the incident's runs, from 0.</summary>
    public int Sequence { get; private set; }

    /// <summary>The playbook this run follows.</summary>
    public string PlaybookId { get; private set; }

    /// <summary>When it started (UTC).</summary>
    public DateTime StartedAt { get; private set; }

    /// <summary>When it ended by handover (UTC); null while active.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>Why it ended.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Every step's state, in playbook order.</summary>
    public IReadOnlyList<StepState> Steps => _steps;

    /// <summary>True when ended, or when no step is pending.</summary>
    public bool IsFinished => EndedAt is not null || _steps.All(s => s.Status != StepStatus.Pending);

    /// <summary>When the first step was done or decided (the first action), or null.</summary>
    public DateTime? FirstCompletedAt => _steps.Where(s => s.Status == StepStatus.Done && s.Actor is not null).Min(s => s.At);

    /// <summary>Starts a run; with <paramref name="startAtStepId"/>, earlier steps are not applicable and the decisions before it take the answer that leads to it.</summary>
    public static PlaybookRun Start(PlaybookDefinition definition, DateTimeOffset now, string? startAtStepId = null, int sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var run = new PlaybookRun { Id = Guid.CreateVersion7(now), Sequence = sequence, PlaybookId = definition.Id, StartedAt = now.UtcDateTime };
        var start = 0;
        if (startAtStepId is not null)
        {
            start = definition.Steps.ToList().FindIndex(s => s.Id == startAtStepId);
            if (start < 0) throw new DomainException($"Playbook '{definition.Id}' has no step '{startAtStepId}' to start at.");
        }
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            run._steps.Add(new StepState(definition.Steps[i].Id, i, i < start ? StepStatus.NotApplicable : StepStatus.Pending));
        }
        if (startAtStepId is not null)
        {
            foreach (var decision in definition.Steps.Take(start).Where(s => s.Kind == StepKind.Decision))
            {
                if (decision.Options.FirstOrDefault(o => o.Next.Contains(startAtStepId)) is { } implied)
                {
                    run.State(decision.Id).Resolve(StepStatus.NotApplicable, null, null, null, implied.Id, null);
                    run.RuleOut(decision, implied);
                }
            }
        }
        return run;
    }

    /// <summary>True when the step is pending and no unanswered decision gates it.</summary>
    public bool IsActionable(PlaybookDefinition definition, string stepId) =>
        State(stepId).Status == StepStatus.Pending && WaitingOn(definition, stepId) is null;

    /// <summary>The first actionable step, or null.</summary>
    public PlaybookStep? NextActionable(PlaybookDefinition definition) =>
        EndedAt is null ? definition.Steps.FirstOrDefault(s => IsActionable(definition, s.Id)) : null;

    /// <summary>The unanswered decision a step waits on, or null.</summary>
    public PlaybookStep? WaitingOn(PlaybookDefinition definition, string stepId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var decision in definition.Steps.Where(s => s.Kind == StepKind.Decision))
        {
            if (!decision.Options.Any(o => o.Next.Contains(stepId))) continue;
            var state = State(decision.Id);
            if (state.DecisionOptionId is null && state.Status != StepStatus.Skipped) return decision;
        }
        return null;
    }

    private StepState State(string stepId) =>
        _steps.FirstOrDefault(s => s.StepId == stepId) ?? throw new DomainException($"This playbook has no step '{stepId}'.");

    private void RuleOut(PlaybookStep decision, DecisionOption chosen)
    {
        foreach (var other in decision.Options.Where(o => o != chosen).SelectMany(o => o.Next).Except(chosen.Next))
        {
            var state = State(other);
            if (state.Status == StepStatus.Pending) state.Resolve(StepStatus.NotApplicable, null, null, null, null, null);
        }
    }
}
