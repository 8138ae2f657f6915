using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version of vers' <c>intdot</c> scheme: non-negative integers separated by dots (10.234.5.12), leading zeros
/// ignored; reading stops at the first character that is neither a digit nor a dot. Ordered as lists of numbers,
/// a list before every longer list it begins.
/// </summary>
public sealed class IntdotVersion : EcosystemVersion<IntdotVersion>
{
    private readonly string[] _numbers;

    private IntdotVersion(string original, string[] numbers) : base(original) => _numbers = numbers;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _numbers);

    /// <summary>Parses a version; false when it does not start with a number or has an empty component.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IntdotVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.')) end++;
        var numbers = new List<string>();
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < end && char.IsAsciiDigit(s[i])) i++;
            if (i == start) { error = new VersionParseError("an intdot version is integers separated by dots; expected a number", i); return false; }
            numbers.Add(NumericText.Trim(s[start..i]));
            if (i == end) break;
            i++;
        }
        version = new IntdotVersion(s, [.. numbers]);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(IntdotVersion? other)
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
