using Firebreak.Domain.Common;

namespace Firebreak.Domain.Projects;

/// <summary>One row of a project's severity table: the class, examples, and first-action deadline.</summary>
public sealed record SeverityClass
{
    /// <summary>Creates a row; the deadline must be positive and at most a year.</summary>
    public SeverityClass(Severity severity, string examples, TimeSpan firstAction)
    {
        if (firstAction <= TimeSpan.Zero || firstAction > TimeSpan.FromDays(366))
            throw new DomainException($"The first-action deadline for {severity.ToWire()} must be between 1 minute and 366 days.");
        Severity = severity;
        Examples = examples ?? "";
        FirstAction = firstAction;
    }

    /// <summary>The class.</summary>
    public Severity Severity { get; }

    /// <summary>Examples of issues in this class, as shown to triagers.</summary>
    public string Examples { get; }

    /// <summary>Time from opening to the first action being due.</summary>
    public TimeSpan FirstAction { get; }
}
