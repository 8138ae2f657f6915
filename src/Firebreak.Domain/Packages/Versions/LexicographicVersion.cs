using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version of vers' <c>lexicographic</c> scheme: any non-empty text, ordered by its UTF-8 bytes compared as unsigned
/// bytes, without normalisation (which for well-formed text is the order of Unicode code points).
/// </summary>
public sealed class LexicographicVersion : EcosystemVersion<LexicographicVersion>
{
    private readonly byte[] _utf8;

    private LexicographicVersion(string original, byte[] utf8) : base(original) => _utf8 = utf8;

    /// <inheritdoc/>
    protected override string EqualityKey => Original;

    /// <summary>Parses a version; false for empty text or text that is not valid UTF-16 (a lone surrogate).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LexicographicVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        if (string.IsNullOrEmpty(text)) { error = new VersionParseError("a lexicographic version is empty", 0); return false; }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) { error = new VersionParseError("a lone surrogate cannot be encoded as UTF-8", i); return false; }
        }
        version = new LexicographicVersion(text, Encoding.UTF8.GetBytes(text));
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(LexicographicVersion? other) =>
        other is null ? 1 : Math.Sign(_utf8.AsSpan().SequenceCompareTo(other._utf8));
}
