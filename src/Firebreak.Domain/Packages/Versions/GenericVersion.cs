using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version of vers' <c>generic</c> scheme, which the specification leaves to "a split on wholly alphabetic or wholly
/// numeric segments ... like libversion"; Firebreak uses libversion's core algorithm. The text splits into letter runs
/// and digit runs (anything else separates). Each run gets a rank: pre-release (a word, unless it is post, patch or pl),
/// zero, post-release (post, patch, pl), non-zero number, or letter suffix (a word glued to a preceding number and not
/// followed by one, as in 1.0a). Versions compare run by run — rank first, then numbers numerically and words by their
/// first letter, case-insensitively — padding the shorter one with zeros. So 1.0alpha1 &lt; 1.0 &lt; 1.0patch1 &lt;
/// 1.0.1 &lt; 1.0a &lt; 1.1.
/// </summary>
public sealed class GenericVersion : EcosystemVersion<GenericVersion>
{
    private const int PreRelease = 0, Zero = 1, PostRelease = 2, NonZero = 3, LetterSuffix = 4;

    private readonly (int Rank, string Value)[] _runs;   // trailing (Zero, "") padding-equivalents removed

    private GenericVersion(string original, (int, string)[] runs) : base(original) => _runs = runs;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _runs.Select(r => $"{r.Rank}{r.Value}"));

    /// <summary>Parses a version; false for text with no letter or digit.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GenericVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var runs = new List<(int, string)>();
        for (var i = 0; i < s.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(s[i])) { i++; continue; }
            var start = i;
            var digits = char.IsAsciiDigit(s[i]);
            while (i < s.Length && (digits ? char.IsAsciiDigit(s[i]) : char.IsAsciiLetter(s[i]))) i++;
            var run = s[start..i];
            if (digits)
            {
                var n = NumericText.Trim(run);
                runs.Add((n.Length == 0 ? Zero : NonZero, n));
                continue;
            }
            var word = run.ToLowerInvariant();
            var rank = word is "post" or "patch" or "pl" ? PostRelease
                : start > 0 && char.IsAsciiDigit(s[start - 1]) && (i == s.Length || !char.IsAsciiDigit(s[i])) ? LetterSuffix
                : PreRelease;
            runs.Add((rank, word[..1]));
        }
        if (runs.Count == 0) { error = new VersionParseError("a generic version needs at least one letter or digit", 0); return false; }
        while (runs.Count > 0 && runs[^1].Item1 == Zero) runs.RemoveAt(runs.Count - 1);
        version = new GenericVersion(s, [.. runs]);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(GenericVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Max(_runs.Length, other._runs.Length); i++)
        {
            var (ra, va) = i < _runs.Length ? _runs[i] : (Zero, "");
            var (rb, vb) = i < other._runs.Length ? other._runs[i] : (Zero, "");
            if (ra != rb) return ra < rb ? -1 : 1;
            var c = ra is Zero or NonZero ? NumericText.Compare(va, vb) : Math.Sign(string.CompareOrdinal(va, vb));
            if (c != 0) return c;
        }
        return 0;
    }
}
