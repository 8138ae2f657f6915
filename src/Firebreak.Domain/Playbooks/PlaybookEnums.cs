namespace Firebreak.Domain.Playbooks;

/// <summary>A step is a task to do, or a decision whose answer shapes what follows.</summary>
public enum StepKind
{
    /// <summary>Something to do, completed with evidence.</summary>
    Task,
    /// <summary>A question whose answer enables steps or hands over to another playbook.</summary>
    Decision,
}

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>An absolute http(s) URL (a PR, a CI run, a release).</summary>
    Link,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>One of a fixed list of values.</summary>
    Choice,
}

/// <summary>Events a step can mark; completing the step stops the matching clock.</summary>
public enum PlaybookEvent
{
    /// <summary>The reporter was acknowledged (stops the acknowledgement clock).</summary>
    AcknowledgementSent,
    /// <summary>A fixed release is out (stops the fix clock).</summary>
    FixReleased,
    /// <summary>The advisory is public (stops the disclosure clock).</summary>
    AdvisoryPublished,
}

/// <summary>Where a step of a run stands.</summary>
public enum StepStatus
{
    /// <summary>Not done yet (it may be waiting on a decision).</summary>
    Pending,
    /// <summary>Completed, or for a decision, answered.</summary>
    Done,
    /// <summary>Skipped, with a reason.</summary>
    Skipped,
    /// <summary>Ruled out by a decision, a handover, or starting the run past it.</summary>
    NotApplicable,
}
