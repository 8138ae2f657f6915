using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A SemVer 2.0.0 version as npm, crates.io and Go use it. Parsing accepts a leading 'v' (Go), and, as
/// OSV tooling does, fewer than three core numbers (missing ones are 0) and extra core numbers (treated,
/// like everything after '+', as build metadata, which never affects precedence). Numbers may be of
/// any size. Go pseudo-versions and '+incompatible' need no special case: they are an ordinary
/// prerelease and build metadata.
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

    /// <summary>Parses a version; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new FormatException(error);

    /// <summary>Parses a version; false (with the reason) when it is not SemVer.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version,
        [NotNullWhen(false)] out string? error)
    {
        version = null;
        var s = text?.Trim() ?? "";
        if (s.StartsWith('v') || s.StartsWith('V')) s = s[1..];
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0) s = s[..plus];
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var prerelease = dash >= 0 ? s[(dash + 1)..].Split('.') : [];
        var core = (dash >= 0 ? s[..dash] : s).Split('.');
        for (var i = 0; i < core.Length; i++)
        {
            if (!NumericText.IsDigits(core[i]))
            {
                error = $"SemVer '{text}': core component {i + 1} ('{core[i]}') is not a number.";
                return false;
            }
        }
        if (prerelease.Any(p => p.Length == 0))
        {
            error = $"SemVer '{text}': empty prerelease identifier.";
            return false;
        }
        var numbers = new string[3];
        for (var i = 0; i < 3; i++) numbers[i] = i < core.Length ? NumericText.Trim(core[i]) : "";
        version = new SemanticVersion(text!, numbers, prerelease);
        error = null;
        return true;
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
