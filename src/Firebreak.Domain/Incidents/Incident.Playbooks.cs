using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    private readonly List<PlaybookRun> _runs = [];

    /// <summary>Every playbook run of this incident, oldest first; a handover adds one.</summary>
    public IReadOnlyList<PlaybookRun> Runs => [.. _runs.OrderBy(r => r.Sequence)];

    /// <summary>The run steps are taken in: the newest that has not ended.</summary>
    public PlaybookRun? ActiveRun => Runs.LastOrDefault(r => r.EndedAt is null);

    /// <summary>Starts a playbook (optionally at a step), ending any active run.</summary>
    public void StartPlaybook(PlaybookDefinition playbook, string actor, DateTimeOffset now, string? atStep = null)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        if (IsClosed) throw new DomainException($"Incident #{Number} is {Stage.ToWire()}; no playbook can start.");
        var run = PlaybookRun.Start(playbook, now, atStep, sequence: _runs.Count);
        _runs.Add(run);
        Record(now, actor, TimelineKind.PlaybookStarted,
            $"Started playbook '{playbook.Title}'" + (atStep is null ? "" : $" at step '{playbook.Steps.First(s => s.Id == atStep).Title}'"));
    }

    /// <summary>Completes a step of the active run with its evidence.</summary>
    public StepTransition CompleteStep(PlaybookCatalog catalog, string stepId, IReadOnlyDictionary<string, string> evidence, string actor, DateTimeOffset now) =>
        Act(catalog, actor, now, (run, def) => run.Complete(def, stepId, actor, evidence, now));

    /// <summary>Skips a step of the active run, with a reason.</summary>
    public StepTransition SkipStep(PlaybookCatalog catalog, string stepId, string reason, string actor, DateTimeOffset now) =>
        Act(catalog, actor, now, (run, def) => run.Skip(def, stepId, actor, reason, now));

    /// <summary>Reopens a done or skipped step (or a taken decision) of the active run.</summary>
    public StepTransition ReopenStep(PlaybookCatalog catalog, string stepId, string actor, DateTimeOffset now) =>
        Act(catalog, actor, now, (run, def) => run.Reopen(def, stepId, actor, now));

    /// <summary>Takes a decision; the answer may enable steps or hand over to another playbook.</summary>
    public StepTransition DecideStep(PlaybookCatalog catalog, string stepId, string optionId, IReadOnlyDictionary<string, string> evidence, string actor, DateTimeOffset now) =>
        Act(catalog, actor, now, (run, def) => run.Decide(def, stepId, optionId, actor, evidence, now));

    private StepTransition Act(PlaybookCatalog catalog, string actor, DateTimeOffset now, Func<PlaybookRun, PlaybookDefinition, StepTransition> action)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (IsClosed) throw new DomainException($"Incident #{Number} is {Stage.ToWire()}; reopen it before working its playbook.");
        var run = ActiveRun ?? throw new DomainException($"Incident #{Number} has no active playbook.");
        var definition = catalog.Find(run.PlaybookId)
            ?? throw new DomainException($"Playbook '{run.PlaybookId}' is no longer loaded on this server.");
        var transition = action(run, definition);
        Record(now, actor, TimelineKind.Step, transition.Summary);

        if (run.FirstCompletedAt is not null)
            StopClock(ClockKind.FirstAction, "first step done", actor, now);
        switch (transition.Marks)
        {
            case PlaybookEvent.AcknowledgementSent: StopClock(ClockKind.Acknowledgement, "acknowledgement sent", actor, now); break;
            case PlaybookEvent.FixReleased: StopClock(ClockKind.Fix, "fix released", actor, now); break;
            case PlaybookEvent.AdvisoryPublished: StopClock(ClockKind.Disclosure, "advisory published", actor, now); break;
            case null: break;
        }
        if (transition.Handover is { } handover)
        {
            var next = catalog.Find(handover.PlaybookId)
                ?? throw new DomainException($"The decision hands over to playbook '{handover.PlaybookId}', which is not loaded.");
            StartPlaybook(next, actor, now, handover.StepId);
        }
        return transition;
    }
}
