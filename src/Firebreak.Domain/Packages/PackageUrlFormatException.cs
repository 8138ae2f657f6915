namespace Firebreak.Domain.Packages;

/// <summary>
/// Thrown when text is not a valid package URL, or components cannot form one. The message names the
/// component (scheme, type, namespace, name, version, qualifiers, subpath) and, when parsing, the
/// zero-based character position in the input where the problem starts.
/// </summary>
public sealed class PackageUrlFormatException : FormatException
{
    /// <summary>Creates the exception with a message naming the component and position.</summary>
    public PackageUrlFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public PackageUrlFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a generic message; prefer the overload with a message.</summary>
    public PackageUrlFormatException() : base("The text is not a valid package URL.") { }
}
