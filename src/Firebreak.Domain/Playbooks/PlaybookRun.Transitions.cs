using Firebreak.Domain.Common;

namespace Firebreak.Domain.Playbooks;

public sealed partial class PlaybookRun
{
    private const int MaxEvidenceLength = 10_000;

    /// <summary>Completes a task step with its evidence.</summary>
    public StepTransition Complete(PlaybookDefinition definition, string stepId, string actor, IReadOnlyDictionary<string, string> evidence, DateTimeOffset now)
    {
        var step = Actionable(definition, stepId);
        if (step.Kind == StepKind.Decision) throw new DomainException($"Step '{step.Title}' is a decision: answer it instead of completing it.");
        var checkedEvidence = CheckEvidence(step, evidence);
        State(stepId).Resolve(StepStatus.Done, actor, now, null, null, checkedEvidence);
        return new StepTransition(stepId, StepStatus.Done, $"Completed step '{step.Title}'", step.Marks, null);
    }

    /// <summary>Skips a step; a reason is required.</summary>
    public StepTransition Skip(PlaybookDefinition definition, string stepId, string actor, string reason, DateTimeOffset now)
    {
        var step = Actionable(definition, stepId);
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException($"Skipping step '{step.Title}' needs a reason.");
        if (reason.Length > 2000) throw new DomainException("A reason is longer than 2,000 characters.");
        State(stepId).Resolve(StepStatus.Skipped, actor, now, reason, null, null);
        return new StepTransition(stepId, StepStatus.Skipped, $"Skipped step '{step.Title}': {reason}", null, null);
    }

    /// <summary>Puts a done or skipped step back to pending; a reopened decision re-gates its branches.</summary>
    public StepTransition Reopen(PlaybookDefinition definition, string stepId, string actor, DateTimeOffset now)
    {
        var step = Known(definition, stepId);
        var state = State(stepId);
        if (state.Status is not (StepStatus.Done or StepStatus.Skipped))
            throw new DomainException($"Step '{step.Title}' is {state.Status.ToWire()}; only a done or skipped step can be reopened.");
        state.Reset();
        if (step.Kind == StepKind.Decision)
        {
            foreach (var gated in step.Options.SelectMany(o => o.Next).Distinct())
            {
                var gatedState = State(gated);
                if (gatedState.Status == StepStatus.NotApplicable) gatedState.Reset();
            }
        }
        return new StepTransition(stepId, StepStatus.Pending, $"Reopened step '{step.Title}'", null, null);
    }

    /// <summary>Answers a decision step.</summary>
    public StepTransition Decide(PlaybookDefinition definition, string stepId, string optionId, string actor,
        IReadOnlyDictionary<string, string> evidence, DateTimeOffset now)
    {
        var step = Actionable(definition, stepId);
        if (step.Kind != StepKind.Decision) throw new DomainException($"Step '{step.Title}' is a task, not a decision: complete it instead.");
        var option = step.Options.FirstOrDefault(o => o.Id == optionId)
            ?? throw new DomainException($"'{optionId}' is not an answer to '{step.Title}'; expected one of: {string.Join(", ", step.Options.Select(o => o.Id))}.");
        var checkedEvidence = CheckEvidence(step, evidence);
        State(stepId).Resolve(StepStatus.Done, actor, now, null, option.Id, checkedEvidence);
        var summary = $"Decided '{step.Title}': {option.Label}";
        if (option.Handover is { } handover)
        {
            foreach (var pending in _steps.Where(s => s.Status == StepStatus.Pending)) pending.Resolve(StepStatus.NotApplicable, null, null, null, null, null);
            EndedAt = now.UtcDateTime;
            EndReason = $"handed over to {handover.PlaybookId} at {handover.StepId}";
            summary += $" — {EndReason}";
        }
        else RuleOut(step, option);
        return new StepTransition(stepId, StepStatus.Done, summary, null, option.Handover);
    }

    private PlaybookStep Known(PlaybookDefinition definition, string stepId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Id != PlaybookId) throw new ArgumentException($"Run of '{PlaybookId}' given definition '{definition.Id}'.", nameof(definition));
        if (EndedAt is not null) throw new DomainException($"This run of '{definition.Title}' has ended ({EndReason}).");
        return definition.Step(stepId) ?? throw new DomainException($"Playbook '{definition.Title}' has no step '{stepId}'.");
    }

    private PlaybookStep Actionable(PlaybookDefinition definition, string stepId)
    {
        var step = Known(definition, stepId);
        var state = State(stepId);
        if (state.Status != StepStatus.Pending)
            throw new DomainException($"Step '{step.Title}' is already {state.Status.ToWire()}; reopen it first.");
        if (WaitingOn(definition, stepId) is { } decision)
            throw new DomainException($"Step '{step.Title}' waits on the decision '{decision.Title}'.");
        return step;
    }

    private static Dictionary<string, string> CheckEvidence(PlaybookStep step, IReadOnlyDictionary<string, string> evidence)
    {
        var result = new Dictionary<string, string>();
        foreach (var (key, raw) in evidence ?? new Dictionary<string, string>())
        {
            var field = step.Evidence.FirstOrDefault(f => f.Id == key)
                ?? throw new DomainException($"Step '{step.Title}' asks for no evidence '{key}'; it asks for: {(step.Evidence.Count == 0 ? "nothing" : string.Join(", ", step.Evidence.Select(f => f.Id)))}.");
            var value = (raw ?? "").Trim();
            if (value.Length == 0) continue;
            if (value.Length > MaxEvidenceLength) throw new DomainException($"Evidence '{field.Label}' is longer than {MaxEvidenceLength} characters.");
            switch (field.Kind)
            {
                case EvidenceKind.Link when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp):
                    throw new DomainException($"Evidence '{field.Label}' must be an absolute http(s) link, not '{value}'.");
                case EvidenceKind.Choice when !field.Choices.Contains(value):
                    throw new DomainException($"Evidence '{field.Label}' must be one of: {string.Join(", ", field.Choices)}.");
                case EvidenceKind.Link or EvidenceKind.Text or EvidenceKind.Choice:
                    break;
            }
            result[key] = value;
        }
        var missing = step.Evidence.Where(f => f.Required && !result.ContainsKey(f.Id)).Select(f => f.Label).ToList();
        if (missing.Count > 0) throw new DomainException($"Step '{step.Title}' needs: {string.Join(", ", missing)}.");
        return result;
    }
}
