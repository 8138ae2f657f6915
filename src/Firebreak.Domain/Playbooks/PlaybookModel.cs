using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Playbooks;

/// <summary>A playbook: the steps to follow for incidents of its trigger kinds.</summary>
/// <param name="Id">Kebab-case identifier, unique in a catalog.</param>
/// <param name="Title">Human title.</param>
/// <param name="Description">Markdown description, may be empty.</param>
/// <param name="Triggers">The incident kinds this playbook starts for.</param>
/// <param name="UserSafety">The default for a vulnerability report that carries a user-safety class.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Source">Where it came from: "built-in" or a file path.</param>
public sealed record PlaybookDefinition(string Id, string Title, string Description, IReadOnlyList<IncidentKind> Triggers,
    bool UserSafety, IReadOnlyList<PlaybookStep> Steps, string Source)
{
    /// <summary>The step with this id, or null.</summary>
    public PlaybookStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>One step of a playbook.</summary>
/// <param name="Id">Kebab-case identifier, unique in the playbook.</param>
/// <param name="Title">Human title.</param>
/// <param name="Guidance">Markdown: what to do and how.</param>
/// <param name="Role">The role that owns the step.</param>
/// <param name="Deadline">Due this long after the incident opened, if set.</param>
/// <param name="Stage">The incident stage the step belongs to, if set.</param>
/// <param name="Marks">The event completing this step is, if any.</param>
/// <param name="Evidence">What to record when the step is done.</param>
/// <param name="Kind">Task or decision.</param>
/// <param name="Options">A decision's answers; empty for tasks.</param>
public sealed record PlaybookStep(string Id, string Title, string Guidance, Role Role, TimeSpan? Deadline,
    IncidentStage? Stage, PlaybookEvent? Marks, IReadOnlyList<EvidenceField> Evidence, StepKind Kind, IReadOnlyList<DecisionOption> Options);

/// <summary>A piece of evidence a step asks for.</summary>
/// <param name="Id">Key under which the value is stored.</param>
/// <param name="Label">What to ask.</param>
/// <param name="Kind">Link, text or choice.</param>
/// <param name="Required">Whether completing the step needs it.</param>
/// <param name="Choices">The allowed values of a choice.</param>
public sealed record EvidenceField(string Id, string Label, EvidenceKind Kind, bool Required, IReadOnlyList<string> Choices);

/// <summary>An answer to a decision step.</summary>
/// <param name="Id">Kebab-case identifier, unique in the step.</param>
/// <param name="Label">Human label.</param>
/// <param name="Next">Steps this answer enables; steps named only by other answers become not applicable.</param>
/// <param name="Handover">Another playbook to continue in, ending this run.</param>
public sealed record DecisionOption(string Id, string Label, IReadOnlyList<string> Next, PlaybookHandover? Handover);

/// <summary>Continue in another playbook, starting at one of its steps.</summary>
/// <param name="PlaybookId">The playbook to start.</param>
/// <param name="StepId">The step to start at; earlier steps are not applicable.</param>
public sealed record PlaybookHandover(string PlaybookId, string StepId);

/// <summary>A problem in a playbook file, located (1-based line and column).</summary>
/// <param name="Source">The file or name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PlaybookError(string Source, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}

/// <summary>Thrown by <see cref="PlaybookParser.Parse"/> when a playbook is invalid; carries every error found.</summary>
public sealed class PlaybookFormatException : FormatException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public PlaybookFormatException(IReadOnlyList<PlaybookError> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    /// <summary>Creates the exception with a message.</summary>
    public PlaybookFormatException(string message) : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and cause.</summary>
    public PlaybookFormatException(string message, Exception inner) : base(message, inner) => Errors = [];

    /// <summary>Creates the exception with no detail.</summary>
    public PlaybookFormatException() => Errors = [];

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<PlaybookError> Errors { get; }
}
