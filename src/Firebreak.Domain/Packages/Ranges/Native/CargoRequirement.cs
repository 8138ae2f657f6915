using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Cargo version requirement (the semver crate's grammar, which RustSec writes too): comparators separated by
/// commas, all of which must hold. A comparator is an operator (=, &gt;, &gt;=, &lt;, &lt;=, ~, ^; none means ^) and a
/// version whose minor and patch may be missing or a wildcard (*, x, X): <c>^1.2.3</c> is &gt;=1.2.3, &lt;2.0.0;
/// <c>~1.2</c> &gt;=1.2.0, &lt;1.3.0; <c>1.2.*</c> and <c>=1.2</c> &gt;=1.2.0, &lt;1.3.0; <c>&gt;1.2</c> &gt;=1.3.0;
/// <c>*</c> alone admits every version. A prerelease version matches only if a comparator names a prerelease of the
/// same major.minor.patch (the crate's rule). <see cref="NativeRange.ToVers"/> is exact on versions without a prerelease.
/// </summary>
public sealed class CargoRequirement : NativeRange
{
    private readonly IReadOnlyList<CargoComparator> _comparators;

    private CargoRequirement(string text, IReadOnlyList<CargoComparator> comparators) : base(VersionSchemes.Cargo, text) => _comparators = comparators;

    /// <summary>Parses a requirement; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CargoRequirement? requirement, [NotNullWhen(false)] out VersionParseError? error)
    {
        requirement = null;
        var s = text ?? "";
        var comparators = new List<CargoComparator>();
        var wildcard = -1;
        var start = 0;
        while (true)
        {
            var comma = s.IndexOf(',', start);
            var end = comma < 0 ? s.Length : comma;
            int a = start, b = end;
            while (a < b && char.IsWhiteSpace(s[a])) a++;
            while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
            if (a == b) return Fail(out error, comma < 0 && comparators.Count == 0 ? "a requirement needs at least one comparator" : "an empty comparator (a stray ',')", a);
            if (b - a == 1 && s[a] is '*' or 'x' or 'X') wildcard = a;
            else if (!Comparator(s, a, b, out var comparator, out error)) return false;
            else comparators.Add(comparator);
            if (comma < 0) break;
            start = comma + 1;
        }
        if (wildcard >= 0 && comparators.Count > 0) return Fail(out error, "'*' must be the only comparator of a requirement", wildcard);
        requirement = new CargoRequirement(s, comparators);
        error = null;
        return true;
    }

    private static bool Comparator(string s, int a, int b, [NotNullWhen(true)] out CargoComparator? comparator, [NotNullWhen(false)] out VersionParseError? error)
    {
        comparator = null;
        var op = s.AsSpan(a, b - a) switch
        {
            var t when t.StartsWith(">=") || t.StartsWith("<=") => t[..2].ToString(),
            var t when t[0] is '=' or '>' or '<' or '~' or '^' => t[..1].ToString(),
            _ => "",
        };
        var i = a + op.Length;
        while (i < b && char.IsWhiteSpace(s[i])) i++;
        if (i == b) return Fail(out error, $"'{op}' needs a version after it", i);
        var numbers = new string?[3];
        var count = 0;
        var sawWildcard = false;
        while (true)
        {
            if (i < b && s[i] is '*' or 'x' or 'X')
            {
                if (count == 0) return Fail(out error, "a wildcard major version stands alone ('*')", i);
                sawWildcard = true;
                i++;
            }
            else
            {
                var start = i;
                while (i < b && char.IsAsciiDigit(s[i])) i++;
                if (i == start) return Fail(out error, "expected a number or a wildcard", i);
                if (sawWildcard) return Fail(out error, "a number cannot follow a wildcard", start);
                if (i - start > 1 && s[start] == '0') return Fail(out error, "a number has no leading zeros", start);
                numbers[count] = NumericText.Trim(s[start..i]) is { Length: > 0 } n ? n : "0";
            }
            count++;
            if (count < 3 && i < b && s[i] == '.') { i++; continue; }
            break;
        }
        var pre = "";
        if (i < b && s[i] is '-' or '+')
        {
            if (count < 3 || sawWildcard) return Fail(out error, "a prerelease or build needs major.minor.patch", i);
            var from = i;
            if (!SemanticVersion.TryParseStrict("0.0.0" + s[i..b], out var tail, out var bad)) return Fail(out error, bad.Message, from + bad.Position - 5);
            pre = string.Join('.', tail.Prerelease);
            i = b;
        }
        if (i < b) return Fail(out error, $"unexpected '{s[i]}' in a version", i);
        // The semver crate: a bare version is a caret requirement, a bare version with a wildcard an exact one (1.2.* is =1.2).
        comparator = new CargoComparator(op.Length > 0 ? op : sawWildcard ? "=" : "^", numbers[0]!, numbers[1], numbers[2], pre);
        error = null;
        return true;
    }

    private static bool Fail([NotNullWhen(false)] out VersionParseError? error, string message, int position)
    {
        error = new VersionParseError(message, position);
        return false;
    }

    /// <summary>
    /// Whether the version is in the requirement; with <paramref name="includePrerelease"/> prerelease versions are read
    /// by the comparators' intervals instead of the crate's opt-in rule (the reading OSV ranges and vers share).
    /// </summary>
    public bool Contains(IComparable version, bool includePrerelease) => includePrerelease ? Intervals.Contains(version) : Contains(version);

    /// <inheritdoc/>
    public override bool Contains(IComparable version)
    {
        var v = version as SemanticVersion ?? throw new ArgumentException("A Cargo requirement tests SemanticVersion values.", nameof(version));
        return _comparators.All(c => c.Matches(v)) && (!v.IsPrerelease || _comparators.Any(c => c.AdmitsPrereleaseOf(v)));
    }

    internal override VersionIntervals Intervals => _intervals ??= _comparators.Aggregate(VersionIntervals.All, (acc, c) => acc.Intersect(c.Interval()));

    private VersionIntervals? _intervals;

    /// <summary>The smallest version the requirement admits, for display; null when it has no lower bound.</summary>
    public SemanticVersion? LowerBound => Intervals.Items is [{ Low.At: SemanticVersion low }, ..] ? low : null;
}
