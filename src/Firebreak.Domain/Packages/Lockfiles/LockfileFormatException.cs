namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>A lockfile that cannot be read: which file, where (1-based line and column; 0 when unknown) and what.</summary>
public sealed class LockfileFormatException : FormatException
{
    /// <summary>Creates the exception with its location.</summary>
    public LockfileFormatException(string source, int line, int column, string message)
        : base($"{source}:{line}:{column}: {message}")
    {
        File = source;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception.</summary>
    public LockfileFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public LockfileFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LockfileFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The file.</summary>
    public string File { get; } = "";

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }
}
