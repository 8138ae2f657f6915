using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The incident this one duplicates, when its stage is Duplicate.</summary>
    public Guid? DuplicateOf { get; private set; }

    /// <summary>
    /// Moves the incident to another stage. The four working stages go forward only (skipping is
    /// allowed: not every incident needs every stage); any working stage may end as closed,
    /// rejected or duplicate; a rejected or duplicate incident may be reopened into discovery. Entering the post-mortem,
    /// or closing without having had one, starts the post-mortem clock: that move needs the <paramref name="policy"/>.
    /// </summary>
    public void MoveTo(IncidentStage stage, string actor, DateTimeOffset now, string? reason = null, Guid? duplicateOf = null,
        SecurityPolicy? policy = null)
    {
        if (stage == Stage) return;
        var allowed = (Stage, stage) switch
        {
            (IncidentStage.Closed, _) => false,
            (IncidentStage.Rejected or IncidentStage.Duplicate, IncidentStage.Discovery) => true,
            (IncidentStage.Rejected or IncidentStage.Duplicate, _) => false,
            (_, IncidentStage.Closed or IncidentStage.Rejected or IncidentStage.Duplicate) => true,
            _ => stage > Stage,
        };
        if (!allowed)
            throw new DomainException($"Incident #{Number} cannot move from {Stage.ToWire()} to {stage.ToWire()}: working stages only move forward, and closed is final.");
        if (stage == IncidentStage.Duplicate)
        {
            if (duplicateOf is null || duplicateOf == Id) throw new DomainException("A duplicate must name the incident it duplicates.");
            DuplicateOf = duplicateOf;
        }
        else DuplicateOf = null;
        var text = $"Stage {Stage.ToWire()} → {stage.ToWire()}";
        if (!string.IsNullOrWhiteSpace(reason)) text += $": {reason.Trim()}";
        var startsPostMortem = stage is IncidentStage.PostMortem or IncidentStage.Closed && Clock(ClockKind.PostMortem) is null;
        if (startsPostMortem && policy is null)
            throw new ArgumentNullException(nameof(policy), $"Moving to {stage.ToWire()} starts the post-mortem clock; its window comes from the policy.");
        Stage = stage;
        ClosedAt = IsClosed ? now.UtcDateTime : null;
        Record(now, actor, TimelineKind.StageChanged, text);
        if (startsPostMortem) StartPostMortemClock(policy!, now, actor, now);
        // Rejected and duplicate incidents end at once, with no list of unfinished work: nothing is due any more.
        if (stage is IncidentStage.Rejected or IncidentStage.Duplicate) StopRunningClocks($"incident {stage.ToWire()}", actor, now);
    }
}
