using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>The longest reason for skipping, waiving, deferring or reopening at a close.</summary>
    public const int MaxClosingReasonLength = 2_000;

    /// <summary>When the incident entered an ended stage (closed, rejected, duplicate), UTC; null while it is worked.</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The steps of the active run still pending (waiting on a decision or actionable), in playbook order.</summary>
    public IReadOnlyList<StepState> PendingSteps =>
        ActiveRun is { } run ? [.. run.Steps.Where(s => s.Status == StepStatus.Pending).OrderBy(s => s.Position)] : [];

    /// <summary>
    /// The post-mortem will not be held (or finished): the reason goes on the timeline and a running post-mortem clock
    /// stops. Only while closing: a waiver outside a close would leave a worked incident without its retrospective.
    /// </summary>
    public void WaivePostMortem(string? reason, string actor, DateTimeOffset now)
    {
        var why = CheckClosingReason(reason, "postMortem");
        if (IsClosed) throw DomainException.ChangedMeanwhile($"Incident #{Number} is {Stage.ToWire()} already.");
        Record(now, actor, TimelineKind.PostMortem, $"Post-mortem waived at closing: {why}");
        StopClock(ClockKind.PostMortem, "post-mortem waived", actor, now);
    }

    /// <summary>
    /// Closes a worked incident: every step of its active run must be done, skipped or not applicable by now (the
    /// caller settles them first), the stage becomes closed at <paramref name="now"/> and every running clock stops.
    /// Unlike <see cref="MoveTo"/> into closed, no post-mortem clock starts: the close itself settled the post-mortem.
    /// A closed incident is refused as changed meanwhile (409 at the edge), so of two people closing at once one wins.
    /// </summary>
    public void Close(string actor, DateTimeOffset now, string? note = null)
    {
        if (IsClosed)
            throw DomainException.ChangedMeanwhile($"Incident #{Number} is {Stage.ToWire()} already" + (ClosedAt is { } at ? $" (since {at:u})." : "."));
        if (PendingSteps is { Count: > 0 } pending)
            throw new DomainException($"Incident #{Number} still has {pending.Count} pending step(s): {string.Join(", ", pending.Select(p => p.StepId))}.");
        note = note?.Trim();
        if (note is { Length: > MaxClosingReasonLength }) throw new DomainException($"note: longer than {MaxClosingReasonLength:N0} characters.");
        var text = $"Stage {Stage.ToWire()} → closed";
        if (!string.IsNullOrEmpty(note)) text += $": {note}";
        Stage = IncidentStage.Closed;
        DuplicateOf = null;
        ClosedAt = now.UtcDateTime;
        Record(now, actor, TimelineKind.StageChanged, text);
        StopRunningClocks("incident closed", actor, now);
    }

    /// <summary>
    /// Reopens an ended incident (closed, rejected or duplicate) into discovery, with a reason on the timeline. Its clocks
    /// stay as they were stopped: a deadline met or breached stays so; the working stages then move forward again.
    /// </summary>
    public void Reopen(string? reason, string actor, DateTimeOffset now)
    {
        var why = CheckClosingReason(reason, "reason");
        if (!IsClosed) throw DomainException.ChangedMeanwhile($"Incident #{Number} is not closed (it is in {Stage.ToWire()}); there is nothing to reopen.");
        var was = Stage;
        Stage = IncidentStage.Discovery;
        DuplicateOf = null;
        ClosedAt = null;
        Record(now, actor, TimelineKind.StageChanged, $"Reopened: stage {was.ToWire()} → discovery: {why}");
    }

    /// <summary>A reason for a closing decision: required, one piece of text of at most <see cref="MaxClosingReasonLength"/>.</summary>
    public static string CheckClosingReason(string? reason, string field)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0) throw new DomainException($"{field}: a reason is required.");
        if (why.Length > MaxClosingReasonLength) throw new DomainException($"{field}: the reason is longer than {MaxClosingReasonLength:N0} characters.");
        return why;
    }

    private void StopRunningClocks(string because, string actor, DateTimeOffset now)
    {
        foreach (var kind in _clocks.Where(c => c.StoppedAt is null).Select(c => c.Kind).Order().ToList()) StopClock(kind, because, actor, now);
    }
}
