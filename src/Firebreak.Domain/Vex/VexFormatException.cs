namespace Firebreak.Domain.Vex;

/// <summary>A VEX document that cannot be read: which file, where in it (a JSON path such as <c>$.statements[0].status</c>), what.</summary>
public sealed class VexFormatException : FormatException
{
    /// <summary>Creates the exception with its location.</summary>
    public VexFormatException(string source, string jsonPath, string message) : base($"{source}: {jsonPath}: {message}")
    {
        File = source;
        JsonPath = jsonPath;
    }

    /// <summary>Creates the exception.</summary>
    public VexFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public VexFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public VexFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The file or other origin the text came from.</summary>
    public string File { get; } = "";

    /// <summary>JSON path of the offending value; <c>$</c> for the document itself.</summary>
    public string JsonPath { get; } = "$";
}
