using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// An Alpine (apk) package version, <c>number{.number}[letter]{_suffix[number]}[~hash][-r number]</c>, ordered as
/// apk-tools and OSV tooling do: numbers numerically, except that a component after the first with a leading zero
/// compares as text (1.02 &lt; 1.1), and a version that runs out of numbers first is older (1 &lt; 1.0); no letter before any letter; suffixes in the order alpha, beta, pre, rc,
/// (none), cvs, svn, git, hg, p, each with its number; the commit hash is ignored; then the -r build number.
/// apk accepts malformed text too: what is left unparsed makes a version older than the same version without it,
/// and two versions whose leftovers do not even start like a build number ("invalid") compare as plain text.
/// On well-formed versions the order is total; with malformed ones it is apk's, which is not.
/// </summary>
public sealed class AlpineVersion : EcosystemVersion<AlpineVersion>
{
    private static readonly string[] SuffixNames = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
    private const int NoSuffix = 4;

    private readonly string[] _numbers;                          // as written (leading zeros matter after the first)
    private readonly char _letter;                               // '\0' when absent
    private readonly (int Rank, string Number)[] _suffixes;      // number without leading zeros
    private readonly string _build;                              // -r number without leading zeros ("" is 0)
    private readonly string _rest;                               // what was left unparsed
    private readonly bool _invalid;

    private AlpineVersion(string original, string[] numbers, char letter, (int, string)[] suffixes, string build, string rest, bool invalid)
        : base(original) => (_numbers, _letter, _suffixes, _build, _rest, _invalid) = (numbers, letter, suffixes, build, rest, invalid);

    /// <summary>Whether apk would call the text well formed (nothing left after the build number).</summary>
    public bool IsWellFormed => _rest.Length == 0;

    /// <inheritdoc/>
    protected override string EqualityKey => _invalid ? "!" + Original
        : string.Join('.', _numbers.Select((n, i) => i == 0 || n[0] != '0' ? "n" + NumericText.Trim(n) : "z" + n)) + "|" + _letter
          + "|" + string.Join('_', _suffixes.Select(s => $"{s.Rank}:{s.Number}")) + "|" + _build + "|" + (_rest.Length > 0);

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> for empty text.</summary>
    public static AlpineVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; apk reads any non-empty text, so this fails only for empty or blank text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AlpineVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new VersionParseError("an Alpine version is empty", 0);
            return false;
        }
        var s = text;
        var i = 0;
        var numbers = new List<string>();
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            numbers.Add(s[start..i]);
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1])) i++;
            else break;
        }
        var letter = i < s.Length && char.IsAsciiLetterLower(s[i]) ? s[i++] : '\0';
        var suffixes = new List<(int, string)>();
        while (i < s.Length && s[i] == '_' && Suffix(s, i + 1) is var (rank, length) && length > 0)
        {
            var start = i + 1 + length;
            var end = start;
            while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
            suffixes.Add((rank, NumericText.Trim(s[start..end])));
            i = end;
        }
        if (i + 1 < s.Length && s[i] == '~' && char.IsAsciiHexDigitLower(s[i + 1]))
        {
            i++;
            while (i < s.Length && char.IsAsciiHexDigitLower(s[i])) i++;
        }
        var build = "";
        var invalid = false;
        if (i + 1 < s.Length && s[i] == '-' && s[i + 1] == 'r')
        {
            var start = i += 2;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            build = NumericText.Trim(s[start..i]);
        }
        else if (i < s.Length)
        {
            invalid = true;
        }
        version = new AlpineVersion(text, [.. numbers], letter, [.. suffixes], build, s[i..], invalid);
        error = null;
        return true;
    }

    private static (int Rank, int Length) Suffix(string s, int at)
    {
        for (var rank = 0; rank < SuffixNames.Length; rank++)
        {
            var name = SuffixNames[rank];
            if (name.Length > 0 && string.CompareOrdinal(s, at, name, 0, name.Length) == 0) return (rank, name.Length);
        }
        return (0, 0);
    }

    /// <inheritdoc/>
    public override int CompareTo(AlpineVersion? other)
    {
        if (other is null) return 1;
        if (_invalid && other._invalid) return Math.Sign(string.CompareOrdinal(Original, other.Original));
        for (var i = 0; i < Math.Max(_numbers.Length, other._numbers.Length); i++)
        {
            var c = CompareNumber(i < _numbers.Length ? _numbers[i] : null, other._numbers.Length > i ? other._numbers[i] : null, i);
            if (c != 0) return c;
        }
        if (_letter != other._letter) return _letter.CompareTo(other._letter) < 0 ? -1 : 1;
        for (var i = 0; i < Math.Max(_suffixes.Length, other._suffixes.Length); i++)
        {
            var (ra, na) = i < _suffixes.Length ? _suffixes[i] : (NoSuffix, "");
            var (rb, nb) = i < other._suffixes.Length ? other._suffixes[i] : (NoSuffix, "");
            var c = ra != rb ? ra.CompareTo(rb) : NumericText.Compare(na, nb);
            if (c != 0) return Math.Sign(c);
        }
        var b = NumericText.Compare(_build, other._build);
        if (b != 0) return b;
        return (_rest.Length == 0).CompareTo(other._rest.Length == 0);
    }

    // A version that stops sorts first (apk: the one that goes on with a number is newer). After the first
    // component, one with a leading zero compares as text, so every such component sorts before those without.
    private static int CompareNumber(string? a, string? b, int index)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        if (index > 0 && (a[0] == '0' || b[0] == '0')) return Math.Sign(string.CompareOrdinal(a, b));
        return NumericText.Compare(a, b);
    }
}
