namespace Firebreak.Domain.Advisories.Index;

/// <summary>An advisory index file that cannot be read: not an index, another format version, truncated or corrupt.</summary>
public sealed class AdvisoryIndexFormatException : FormatException
{
    /// <summary>Creates the exception naming the file and the byte offset (-1 when not about one place).</summary>
    public AdvisoryIndexFormatException(string file, long offset, string message)
        : base(offset >= 0 ? $"{file}: byte {offset}: {message}" : $"{file}: {message}")
    {
        File = file;
        Offset = offset;
    }

    /// <summary>Creates the exception.</summary>
    public AdvisoryIndexFormatException() { }

    /// <summary>Creates the exception with a message.</summary>
    public AdvisoryIndexFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AdvisoryIndexFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The index file.</summary>
    public string File { get; } = "";

    /// <summary>The byte offset of the problem, or -1.</summary>
    public long Offset { get; } = -1;
}
