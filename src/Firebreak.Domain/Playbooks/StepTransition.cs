namespace Firebreak.Domain.Playbooks;

/// <summary>What a step action did, for the timeline and the clocks.</summary>
/// <param name="StepId">The step acted on.</param>
/// <param name="Status">Its new status.</param>
/// <param name="Summary">One line for the incident's timeline.</param>
/// <param name="Marks">The event completing the step is, if any (the server stops the matching clock).</param>
/// <param name="Handover">Where the run continues, when a decision handed over (this run has ended).</param>
public sealed record StepTransition(string StepId, StepStatus Status, string Summary, PlaybookEvent? Marks, PlaybookHandover? Handover);
