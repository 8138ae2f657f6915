namespace Firebreak.Domain.Common;

/// <summary>
/// Thrown when a requested change would break one of the domain's rules (an illegal stage move,
/// completing a step twice, a severity that does not exist). The web edge turns it into
/// <c>application/problem+json</c> with status 409 or 422; it is never a 500.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates the exception with a message that says which rule was broken and where.</summary>
    public DomainException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message; prefer the overload with a message.</summary>
    public DomainException() : base("A domain rule was violated.") { }

    /// <summary>
    /// True when the change was made from a version of the object that someone else has changed since (an edit form or a
    /// request carrying the version it read): it is refused rather than applied over the newer state (409 at the edge).
    /// </summary>
    public bool IsConflict { get; private init; }

    /// <summary>The refusal of a change made from an outdated version; the message says what changed and how to go on.</summary>
    public static DomainException ChangedMeanwhile(string message) => new(message) { IsConflict = true };
}
