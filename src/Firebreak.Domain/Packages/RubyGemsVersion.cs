using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A RubyGems version ordered as <c>Gem::Version</c>: '-' means ".pre."; segments are runs of digits
/// (numbers) or letters (strings); trailing zero numbers are dropped from the numeric part and from
/// the part after the first string; a string segment sorts before any number (so 1.0.a &lt; 1.0);
/// strings compare bytewise; missing segments count as 0.
/// </summary>
public sealed partial class RubyGemsVersion : EcosystemVersion<RubyGemsVersion>
{
    private readonly object[] _segments; // string (digits, no leading zeros) tagged by Segment

    private RubyGemsVersion(string original, object[] segments) : base(original) => _segments = segments;

    /// <summary>Whether the version has a letter (Gem::Version#prerelease?).</summary>
    public bool IsPrerelease => _segments.Any(s => s is string);

    /// <summary>Gem::Version#release: the version without its prerelease part (everything from the first letter segment).</summary>
    public RubyGemsVersion Release()
    {
        var first = Array.FindIndex(_segments, s => s is string);
        return first < 0 ? this : new RubyGemsVersion(string.Join('.', _segments[..first].Select(Text)), [.. TrimZeros([.. _segments[..first]])]);
    }

    /// <summary>
    /// Gem::Version#bump, the upper end of <c>~&gt;</c>: drop the prerelease segments, then the last segment when more
    /// than one remains, and add one to the new last segment (1.2.3 → 1.3, 1.2 → 2, 1 → 2).
    /// </summary>
    public RubyGemsVersion Bump()
    {
        var numbers = _segments.TakeWhile(s => s is Digits).Cast<Digits>().Select(d => System.Numerics.BigInteger.Parse("0" + d.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var raw = Original.Trim().Replace("-", ".pre.", StringComparison.Ordinal).Split('.').TakeWhile(p => p.All(char.IsAsciiDigit) && p.Length > 0).Count();
        while (numbers.Count < raw) numbers.Add(0);
        if (numbers.Count == 0) numbers.Add(0);
        if (numbers.Count > 1) numbers.RemoveAt(numbers.Count - 1);
        numbers[^1] += 1;
        return Parse(string.Join('.', numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static string Text(object segment) => segment is Digits d ? (d.Value.Length == 0 ? "0" : d.Value) : (string)segment;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _segments.Select(s => s is Digits d ? "#" + d.Value : s));

    /// <summary>Parses a version; throws <see cref="FormatException"/> when Gem::Version would reject it.</summary>
    public static RubyGemsVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a RubyGems version.");

    /// <summary>Parses a version; false when Gem::Version would reject it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RubyGemsVersion? version)
    {
        version = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0) s = "0";
        if (!Pattern().IsMatch(s)) return false;
        s = s.Replace("-", ".pre.", StringComparison.Ordinal);
        var segments = Segment().Matches(s)
            .Select(m => char.IsAsciiDigit(m.Value[0]) ? (object)new Digits(NumericText.Trim(m.Value)) : m.Value).ToList();
        var firstString = segments.FindIndex(x => x is string);
        var numeric = firstString < 0 ? segments : segments[..firstString];
        var rest = firstString < 0 ? [] : segments[firstString..];
        version = new RubyGemsVersion(text!, [.. TrimZeros(numeric), .. TrimZeros(rest)]);
        return true;
    }

    private static List<object> TrimZeros(List<object> part)
    {
        var end = part.Count;
        while (end > 0 && part[end - 1] is Digits { Value.Length: 0 }) end--;
        return part[..end];
    }

    /// <inheritdoc/>
    public override int CompareTo(RubyGemsVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Max(_segments.Length, other._segments.Length); i++)
        {
            var l = i < _segments.Length ? _segments[i] : new Digits("");
            var r = i < other._segments.Length ? other._segments[i] : new Digits("");
            var c = (l, r) switch
            {
                (Digits a, Digits b) => NumericText.Compare(a.Value, b.Value),
                (string, Digits) => -1,
                (Digits, string) => 1,
                _ => Math.Sign(string.CompareOrdinal((string)l, (string)r)),
            };
            if (c != 0) return c;
        }
        return 0;
    }

    private sealed record Digits(string Value);

    // Gem::Version's pattern, loosened as OSV tooling is to accept "1beta": a number first, then
    // letters, digits, dots and dashes.
    [GeneratedRegex("^[0-9]+[0-9A-Za-z.-]*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[0-9]+|[a-zA-Z]+")]
    private static partial Regex Segment();
}
