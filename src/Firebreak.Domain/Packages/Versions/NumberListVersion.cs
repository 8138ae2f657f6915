using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version that is a list of non-negative numbers, ordered lexicographically with a list sorting before every
/// longer list it begins (1.0 &lt; 1.0.0): Hackage (Haskell's <c>Data.Version</c>, numbers joined by '.') and CRAN
/// (R's <c>package_version</c>, at least two numbers joined by '.' or '-'). Leading zeros are insignificant.
/// </summary>
public sealed class NumberListVersion : EcosystemVersion<NumberListVersion>
{
    private readonly string[] _numbers;

    private NumberListVersion(string original, string[] numbers) : base(original) => _numbers = numbers;

    /// <summary>The numbers, without leading zeros ("" is zero).</summary>
    public IReadOnlyList<string> Numbers => _numbers;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _numbers);

    /// <summary>Parses a Hackage version: numbers joined by '.'.</summary>
    public static bool TryParseHackage(string? text, [NotNullWhen(true)] out NumberListVersion? version, [NotNullWhen(false)] out VersionParseError? error) =>
        TryParse(text, "Hackage", ".", 1, out version, out error);

    /// <summary>Parses a CRAN version: at least two numbers joined by '.' or '-'.</summary>
    public static bool TryParseCran(string? text, [NotNullWhen(true)] out NumberListVersion? version, [NotNullWhen(false)] out VersionParseError? error) =>
        TryParse(text, "CRAN", ".-", 2, out version, out error);

    private static bool TryParse(string? text, string what, string separators, int minimum, [NotNullWhen(true)] out NumberListVersion? version,
        [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var numbers = new List<string>();
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) { error = new VersionParseError($"a {what} version is numbers joined by '{string.Join("' or '", separators.ToCharArray())}'; expected a number", i); return false; }
            numbers.Add(NumericText.Trim(s[start..i]));
            if (i == s.Length) break;
            if (!separators.Contains(s[i], StringComparison.Ordinal)) { error = new VersionParseError($"unexpected '{s[i]}' in a {what} version", i); return false; }
            i++;
        }
        if (numbers.Count < minimum) { error = new VersionParseError($"a {what} version has at least {minimum} numbers", s.Length); return false; }
        version = new NumberListVersion(s, [.. numbers]);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(NumberListVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Min(_numbers.Length, other._numbers.Length); i++)
        {
            var c = NumericText.Compare(_numbers[i], other._numbers[i]);
            if (c != 0) return c;
        }
        return _numbers.Length.CompareTo(other._numbers.Length) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }
}
