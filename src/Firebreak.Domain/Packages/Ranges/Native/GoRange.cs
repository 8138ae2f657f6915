using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Go module version range as go.mod writes one (its <c>retract</c> and <c>exclude</c> directives): a single canonical
/// version (<c>v1.2.3</c>) or a closed interval of two (<c>[v1.0.0, v1.9.9]</c>, both ends included). Versions carry
/// the 'v' and are otherwise strict SemVer (pseudo-versions and +incompatible are ordinary prerelease and build parts).
/// </summary>
public sealed class GoRange : NativeRange
{
    private readonly SemanticVersion _low;
    private readonly SemanticVersion _high;

    private GoRange(string text, SemanticVersion low, SemanticVersion high) : base(VersionSchemes.Golang, text) => (_low, _high) = (low, high);

    /// <summary>Parses a range; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GoRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        var s = text ?? "";
        var a = 0;
        var b = s.Length;
        while (a < b && char.IsWhiteSpace(s[a])) a++;
        while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
        if (a == b) { error = new VersionParseError("a Go range is a version or [low, high]", a); return false; }
        if (s[a] != '[')
        {
            if (!Version(s, a, b, out var only, out error)) return false;
            range = new GoRange(s, only, only);
            return true;
        }
        if (s[b - 1] != ']') { error = new VersionParseError("an interval is closed with ']' (Go's intervals include both ends)", b - 1); return false; }
        var comma = s.IndexOf(',', a);
        if (comma < 0 || comma > b) { error = new VersionParseError("an interval is [low, high]", a); return false; }
        int l = a + 1, le = comma, h = comma + 1, he = b - 1;
        while (l < le && char.IsWhiteSpace(s[l])) l++;
        while (le > l && char.IsWhiteSpace(s[le - 1])) le--;
        while (h < he && char.IsWhiteSpace(s[h])) h++;
        while (he > h && char.IsWhiteSpace(s[he - 1])) he--;
        if (!Version(s, l, le, out var low, out error) || !Version(s, h, he, out var high, out error)) return false;
        if (low.CompareTo(high) > 0) { error = new VersionParseError("the low end is above the high end", l); return false; }
        range = new GoRange(s, low, high);
        return true;
    }

    private static bool Version(string s, int start, int end, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        if (start == end || s[start] != 'v') { error = new VersionParseError("a Go module version starts with 'v'", start); return false; }
        if (SemanticVersion.TryParseStrict(s[(start + 1)..end], out var strict, out var bad) && SemanticVersion.TryParse(s[start..end], out version, out _))
        {
            error = null;
            return strict is not null;
        }
        error = bad!.Shift(start + 1);
        return false;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version) => version.CompareTo(_low) >= 0 && version.CompareTo(_high) <= 0;

    internal override VersionIntervals Intervals => VersionIntervals.Of(VersionCut.Below(_low), VersionCut.Above(_high));
}
