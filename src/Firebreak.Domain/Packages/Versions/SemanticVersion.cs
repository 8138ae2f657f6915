using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A SemVer 2.0.0 version. <see cref="TryParseStrict"/> accepts exactly the specification's grammar (three numbers
/// without leading zeros, prerelease identifiers that are numbers without leading zeros or [0-9A-Za-z-] words, build
/// identifiers of [0-9A-Za-z-]). <see cref="TryParse"/> is the reading npm, Go and OSV tooling use: a leading 'v',
/// fewer than three numbers (missing ones are 0), extra numbers and leading zeros are tolerated, but identifiers must
/// still be [0-9A-Za-z-] and non-empty. Numbers may be of any size. Build metadata never affects precedence.
/// </summary>
public sealed class SemanticVersion : EcosystemVersion<SemanticVersion>
{
    private SemanticVersion(string original, string[] core, string[] prerelease) : base(original)
    {
        Core = core;
        Prerelease = prerelease;
    }

    /// <summary>Major, minor and patch as digit strings without leading zeros ("" is zero).</summary>
    internal string[] Core { get; }

    /// <summary>The dot-separated prerelease identifiers; empty for a release.</summary>
    public IReadOnlyList<string> Prerelease { get; }

    /// <summary>Whether the version has a prerelease part.</summary>
    public bool IsPrerelease => Prerelease.Count > 0;

    /// <inheritdoc/>
    protected override string EqualityKey =>
        string.Join('.', Core) + "-" + string.Join('.', Prerelease.Select(p => NumericText.IsDigits(p) ? NumericText.Trim(p) : p));

    /// <summary>Parses a version leniently (see <see cref="TryParse"/>); throws <see cref="VersionFormatException"/> saying what and where.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new VersionFormatException(error);

    /// <summary>Parses a version as npm, Go and OSV tooling read them; false with what is wrong and where.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out VersionParseError? error) =>
        Read(text, strict: false, out version, out error);

    /// <summary>Parses a version by the SemVer 2.0.0 grammar exactly; false with what is wrong and where.</summary>
    public static bool TryParseStrict(string? text, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out VersionParseError? error) =>
        Read(text, strict: true, out version, out error);

    private static bool Read(string? text, bool strict, [NotNullWhen(true)] out SemanticVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        int i = 0, end = s.Length;
        if (!strict)
        {
            while (i < end && char.IsWhiteSpace(s[i])) i++;
            while (end > i && char.IsWhiteSpace(s[end - 1])) end--;
            if (i < end && s[i] is 'v' or 'V') i++;
        }
        var core = new List<string>();
        while (true)
        {
            var start = i;
            while (i < end && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return Fail(out error, core.Count == 0 ? "a SemVer version starts with a number" : "expected a number after '.'", i);
            if (strict && i - start > 1 && s[start] == '0') return Fail(out error, "a SemVer number has no leading zeros", start);
            core.Add(NumericText.Trim(s[start..i]));
            if (i < end && s[i] == '.' && (strict ? core.Count < 3 : true)) { i++; continue; }
            break;
        }
        if (strict && core.Count < 3) return Fail(out error, "a SemVer version has three numbers (major.minor.patch)", i);
        string[] prerelease = [];
        if (i < end && s[i] == '-' && !Identifiers(s, ref i, end, strict, numericRule: true, out prerelease, out error)) return false;
        if (i < end && s[i] == '+' && !Identifiers(s, ref i, end, strict, numericRule: false, out _, out error)) return false;
        if (i < end) return Fail(out error, $"unexpected '{s[i]}' in a SemVer version", i);
        var numbers = new string[3];
        for (var n = 0; n < 3; n++) numbers[n] = n < core.Count ? core[n] : "";
        version = new SemanticVersion(s, numbers, prerelease);
        error = null;
        return true;
    }

    private static bool Identifiers(string s, ref int i, int end, bool strict, bool numericRule, out string[] parts, [NotNullWhen(false)] out VersionParseError? error)
    {
        var list = new List<string>();
        do
        {
            var start = ++i;
            while (i < end && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-')) i++;
            if (i == start)
            {
                parts = [];
                return Fail(out error, i < end && s[i] != '.' ? $"'{s[i]}' is not allowed in an identifier ([0-9A-Za-z-])" : "an empty identifier", i);
            }
            var part = s[start..i];
            if (strict && numericRule && part.Length > 1 && part[0] == '0' && NumericText.IsDigits(part))
            {
                parts = [];
                return Fail(out error, "a numeric prerelease identifier has no leading zeros", start);
            }
            list.Add(part);
        }
        while (i < end && s[i] == '.');
        parts = [.. list];
        error = null;
        return true;
    }

    private static bool Fail(out VersionParseError error, string message, int position)
    {
        error = new VersionParseError(message, position);
        return false;
    }

    /// <summary>
    /// The next version in SemVer order, with nothing between: x.y.(z+1)-0 for a release, x.y.z-pre.0 for a
    /// prerelease. It turns an exclusive lower bound into an inclusive one (OSV has only the inclusive kind).
    /// </summary>
    internal SemanticVersion Successor()
    {
        var core = Core.Select(c => c.Length == 0 ? "0" : c).ToArray();
        if (IsPrerelease) return Parse($"{core[0]}.{core[1]}.{core[2]}-{string.Join('.', Prerelease)}.0");
        var patch = System.Numerics.BigInteger.Parse(core[2], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{core[0]}.{core[1]}.{patch}-0"));
    }

    /// <inheritdoc/>
    public override int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 3; i++)
        {
            var c = NumericText.Compare(Core[i], other.Core[i]);
            if (c != 0) return c;
        }
        // A release has higher precedence than any of its prereleases.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
            return other.Prerelease.Count.CompareTo(Prerelease.Count) switch { < 0 => -1, > 0 => 1, _ => 0 };
        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var c = CompareIdentifier(Prerelease[i], other.Prerelease[i]);
            if (c != 0) return c;
        }
        return Math.Sign(Prerelease.Count.CompareTo(other.Prerelease.Count));
    }

    private static int CompareIdentifier(string a, string b)
    {
        bool an = NumericText.IsDigits(a), bn = NumericText.IsDigits(b);
        if (an && bn) return NumericText.Compare(a, b);
        if (an != bn) return an ? -1 : 1; // numeric identifiers sort before alphanumeric ones
        return Math.Sign(string.CompareOrdinal(a, b));
    }
}
