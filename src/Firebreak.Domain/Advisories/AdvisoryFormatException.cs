namespace Firebreak.Domain.Advisories;

/// <summary>An advisory record that cannot be read: which file, which line (0 when unknown), what.</summary>
public sealed class AdvisoryFormatException : FormatException
{
    /// <summary>Creates the exception with its location.</summary>
    public AdvisoryFormatException(string file, int line, string message) : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public AdvisoryFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public AdvisoryFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AdvisoryFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The file.</summary>
    public string File { get; } = "";

    /// <summary>1-based line, or 0.</summary>
    public int Line { get; }
}
