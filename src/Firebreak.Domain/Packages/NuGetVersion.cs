using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A NuGet package version (NuGet's SemVer 2 rules): one to four numeric parts (missing parts are 0,
/// leading zeros allowed), an optional '-' prerelease label of dot-separated identifiers compared
/// case-insensitively (numeric identifiers numerically and before alphanumeric ones), and '+' metadata
/// that never affects ordering.
/// </summary>
public sealed class NuGetVersion : EcosystemVersion<NuGetVersion>
{
    private NuGetVersion(string original, string[] numbers, string[] release) : base(original)
    {
        Numbers = numbers;
        Release = release;
    }

    internal string[] Numbers { get; }   // four digit strings without leading zeros

    internal string[] Release { get; }   // prerelease identifiers, lowercased

    /// <summary>Whether the version has a prerelease label.</summary>
    public bool IsPrerelease => Release.Length > 0;

    /// <inheritdoc/>
    protected override string EqualityKey =>
        string.Join('.', Numbers) + "-" + string.Join('.', Release.Select(r => NumericText.IsDigits(r) ? NumericText.Trim(r) : r));

    /// <summary>Parses a version; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static NuGetVersion Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new FormatException(error);

    /// <summary>Parses a version; false (with the reason) when it is not a NuGet version.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NuGetVersion? version,
        [NotNullWhen(false)] out string? error)
    {
        version = null;
        var s = text?.Trim() ?? "";
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0) s = s[..plus];
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var release = dash >= 0 ? s[(dash + 1)..].ToLowerInvariant().Split('.') : [];
        var parts = (dash >= 0 ? s[..dash] : s).Split('.');
        if (parts.Length > 4 || !parts.All(NumericText.IsDigits))
        {
            error = $"NuGet version '{text}': expected one to four dot-separated numbers before any '-' or '+'.";
            return false;
        }
        if (release.Any(r => r.Length == 0 || !r.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            error = $"NuGet version '{text}': prerelease identifiers are non-empty [0-9A-Za-z-].";
            return false;
        }
        var numbers = Enumerable.Range(0, 4).Select(i => i < parts.Length ? NumericText.Trim(parts[i]) : "").ToArray();
        version = new NuGetVersion(text!, numbers, release);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(NuGetVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 4; i++)
        {
            var c = NumericText.Compare(Numbers[i], other.Numbers[i]);
            if (c != 0) return c;
        }
        if (Release.Length == 0 || other.Release.Length == 0)
            return Math.Sign(other.Release.Length.CompareTo(Release.Length));
        for (var i = 0; i < Math.Min(Release.Length, other.Release.Length); i++)
        {
            string a = Release[i], b = other.Release[i];
            bool an = NumericText.IsDigits(a), bn = NumericText.IsDigits(b);
            var c = an && bn ? NumericText.Compare(a, b) : an != bn ? (an ? -1 : 1) : Math.Sign(string.CompareOrdinal(a, b));
            if (c != 0) return c;
        }
        return Math.Sign(Release.Length.CompareTo(other.Release.Length));
    }
}
