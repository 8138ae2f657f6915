namespace Firebreak.Domain.Packages;

/// <summary>Thrown when text is not a valid version or range of a versioning scheme; carries what and where.</summary>
public sealed class VersionFormatException : FormatException
{
    /// <summary>Creates the exception from a parse error; the message ends with the position.</summary>
    public VersionFormatException(VersionParseError error) : base(error?.ToString()) => Error = error!;

    /// <summary>Creates the exception with a message; the position is 0.</summary>
    public VersionFormatException(string message) : base(message) => Error = new VersionParseError(message, 0);

    /// <summary>Creates the exception with a message and its cause; the position is 0.</summary>
    public VersionFormatException(string message, Exception innerException) : base(message, innerException) =>
        Error = new VersionParseError(message, 0);

    /// <summary>Creates the exception with a generic message; prefer the other constructors.</summary>
    public VersionFormatException() : this("The text is not a valid version.") { }

    /// <summary>What is wrong and the zero-based position.</summary>
    public VersionParseError Error { get; }
}
