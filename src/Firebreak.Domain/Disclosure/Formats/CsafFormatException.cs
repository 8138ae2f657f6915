namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>A CSAF document that cannot be imported: where in it (a JSON path such as <c>$.document.tracking.id</c>) and what.</summary>
public sealed class CsafFormatException : FormatException
{
    /// <summary>Creates the exception with its location.</summary>
    public CsafFormatException(string jsonPath, string message) : base($"{jsonPath}: {message}") => JsonPath = jsonPath;

    /// <summary>Creates the exception.</summary>
    public CsafFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public CsafFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CsafFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>JSON path of the offending value; <c>$</c> for the document itself.</summary>
    public string JsonPath { get; } = "$";
}
