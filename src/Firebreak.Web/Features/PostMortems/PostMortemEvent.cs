namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// One event of a post-mortem's assembled timeline: from the incident's timeline (<c>timeline-N</c>, N its sequence),
/// from the audit records about the incident (<c>audit-N</c>, N the chain position) or added from outside
/// (<c>outside-N</c>, N its place among them), with the maintainers' annotation and whether they hid it.
/// </summary>
internal sealed record PostMortemEvent(string Key, DateTime At, string Actor, string Source, string Kind, string Text, string? Annotation, bool Hidden);
