namespace Firebreak.Domain.Packages;

/// <summary>
/// Why a version or range text was refused: what is wrong and where, as a zero-based character position in
/// the text that was parsed (the convention of <see cref="PackageUrlFormatException"/>).
/// </summary>
/// <param name="Message">What is wrong, in words, without the position.</param>
/// <param name="Position">Zero-based index of the first offending character; the text's length when something is missing at the end.</param>
public sealed record VersionParseError(string Message, int Position)
{
    /// <summary>The same error moved right by <paramref name="offset"/> characters, for text parsed inside a longer text.</summary>
    public VersionParseError Shift(int offset) => this with { Position = Position + offset };

    /// <summary>"message at position N".</summary>
    public override string ToString() => $"{Message} at position {Position}";
}
