using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Incidents;

public sealed partial class Incident
{
    /// <summary>True once the post-mortem clock has started: the incident has reached its retrospective (or closed without one).</summary>
    public bool PostMortemDue => Clock(ClockKind.PostMortem) is not null;

    /// <summary>Records a change to the post-mortem or one of its action items in the timeline (so it is audited with the incident).</summary>
    public void RecordFollowUp(TimelineKind kind, string text, string actor, DateTimeOffset now)
    {
        if (kind is not (TimelineKind.PostMortem or TimelineKind.ActionItem))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only post-mortem and action-item entries are recorded here.");
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A timeline entry needs a text.", nameof(text));
        Record(now, actor, kind, text.Trim());
    }

    /// <summary>
    /// The board signed the post-mortem off: the post-mortem clock stops (met or breached against its due instant) and the
    /// timeline says who signed. An incident whose post-mortem was never due (no publication, not closed) starts and
    /// stops it at once, so the record shows the retrospective happened.
    /// </summary>
    public void RecordPostMortemSignOff(SecurityPolicy policy, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!PostMortemDue) StartPostMortemClock(policy, now, actor, now);
        Record(now, actor, TimelineKind.PostMortem, "Post-mortem signed off by the board");
        StopClock(ClockKind.PostMortem, "post-mortem signed off", actor, now);
    }

    private void StartPostMortemClock(SecurityPolicy policy, DateTimeOffset startedAt, string actor, DateTimeOffset now)
    {
        if (Clock(ClockKind.PostMortem) is not null) return;
        var due = startedAt + policy.PostMortemFor(Severity);
        _clocks.Add(new ClockRecord(ClockKind.PostMortem, startedAt, due));
        Record(now, actor, TimelineKind.ClockChanged,
            $"{ClockKind.PostMortem.ToWire()} clock started ({DurationText.Format(policy.PostMortemFor(Severity))} for {Severity.ToWire()}), due {due.UtcDateTime:u}");
    }
}
