using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Gentoo package version, <c>number{.number}[letter]{_suffix[number]}[-r number]</c>, ordered by the Package
/// Manager Specification (section 3.3): the first number numerically; later numbers numerically unless either has a
/// leading zero, when both compare as text with trailing zeros removed; more numbers is newer; no letter before a
/// letter; suffixes _alpha &lt; _beta &lt; _pre &lt; _rc &lt; _p with their numbers, and an extra suffix makes a
/// version newer only when it is _p; then the revision.
/// </summary>
public sealed partial class GentooVersion : EcosystemVersion<GentooVersion>
{
    private static readonly string[] SuffixOrder = ["alpha", "beta", "pre", "rc", "p"];

    private readonly string[] _numbers;
    private readonly char _letter;
    private readonly (int Rank, string Number)[] _suffixes;
    private readonly string _revision;

    private GentooVersion(string original, string[] numbers, char letter, (int, string)[] suffixes, string revision) : base(original) =>
        (_numbers, _letter, _suffixes, _revision) = (numbers, letter, suffixes, revision);

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _numbers.Select((n, i) => i == 0 ? NumericText.Trim(n) : n[0] == '0' ? "z" + n.TrimEnd('0') : "n" + n))
        + "|" + _letter + "|" + string.Join('_', _suffixes.Select(s => $"{s.Rank}:{NumericText.Trim(s.Number)}")) + "|" + NumericText.Trim(_revision);

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> saying what is wrong and where.</summary>
    public static GentooVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; false with the position of the first character the grammar does not allow.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GentooVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var m = Grammar().Match(s);
        if (!m.Success || m.Length != s.Length)
        {
            error = new VersionParseError("not a Gentoo version (number{.number}[letter]{_suffix[number]}[-rN])", m.Success ? m.Length : 0);
            return false;
        }
        var numbers = m.Groups["numbers"].Value.Split('.');
        var suffixes = m.Groups["suffix"].Captures.Select((c, k) => (Array.IndexOf(SuffixOrder, c.Value), m.Groups["snum"].Captures[k].Value)).ToArray();
        var letter = m.Groups["letter"].Success ? m.Groups["letter"].Value[0] : '\0';
        version = new GentooVersion(s, numbers, letter, suffixes, m.Groups["rev"].Value);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(GentooVersion? other)
    {
        if (other is null) return 1;
        var c = NumericText.Compare(_numbers[0], other._numbers[0]);
        for (var i = 1; c == 0 && i < Math.Min(_numbers.Length, other._numbers.Length); i++)
        {
            string a = _numbers[i], b = other._numbers[i];
            c = a[0] == '0' || b[0] == '0' ? Math.Sign(string.CompareOrdinal(a.TrimEnd('0'), b.TrimEnd('0'))) : NumericText.Compare(a, b);
        }
        if (c == 0) c = _numbers.Length.CompareTo(other._numbers.Length);
        if (c == 0) c = _letter.CompareTo(other._letter);
        for (var i = 0; c == 0 && i < Math.Min(_suffixes.Length, other._suffixes.Length); i++)
        {
            c = _suffixes[i].Rank != other._suffixes[i].Rank ? _suffixes[i].Rank.CompareTo(other._suffixes[i].Rank) : NumericText.Compare(_suffixes[i].Number, other._suffixes[i].Number);
        }
        if (c == 0 && _suffixes.Length != other._suffixes.Length)
        {
            var longer = _suffixes.Length > other._suffixes.Length ? _suffixes[other._suffixes.Length] : other._suffixes[_suffixes.Length];
            var newer = longer.Rank == SuffixOrder.Length - 1;
            c = (_suffixes.Length > other._suffixes.Length) == newer ? 1 : -1;
        }
        if (c == 0) c = NumericText.Compare(_revision, other._revision);
        return Math.Sign(c);
    }

    [GeneratedRegex(@"^(?<numbers>[0-9]+(\.[0-9]+)*)(?<letter>[a-z])?(_(?<suffix>alpha|beta|pre|rc|p)(?<snum>[0-9]*))*(-r(?<rev>[0-9]+))?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
