using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// The <c>vulnerable_version_range</c> of GitHub's advisory database (<c>&lt; 7.5.2</c>, <c>&gt;= 2.0.0, &lt; 2.0.2</c>,
/// <c>= 0.2.0</c>): one notation for every ecosystem, comparators joined by commas, all of which must hold. It is not
/// npm's or PEP 440's own syntax (npm refuses the commas, PEP 440 the single '='), so it is read as the comparators it
/// is, over the ecosystem's own version order (<see cref="VersionSchemes.For"/>), into a <see cref="VersRange"/>; the
/// OSV events of that range are what the watch's matcher evaluates.
/// </summary>
public static class GitHubRange
{
    /// <summary>The longest range text read; GitHub's are a few dozen characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Reads the range for the ecosystem; false with what is wrong and where (zero-based).</summary>
    public static bool TryRead(Ecosystem ecosystem, string? text, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        var s = text ?? "";
        if (s.Trim().Length == 0)
        {
            error = new VersionParseError("the range is empty", 0);
            return false;
        }
        if (s.Length > MaxLength)
        {
            error = new VersionParseError($"the range is longer than {MaxLength} characters", MaxLength);
            return false;
        }
        var scheme = VersionSchemes.For(ecosystem);
        var constraints = new List<string>();
        var at = 0;
        foreach (var part in s.Split(','))
        {
            var item = part.Trim();
            var start = at + part.IndexOf(item, StringComparison.Ordinal);
            at += part.Length + 1;
            var op = item.StartsWith(">=", StringComparison.Ordinal) || item.StartsWith("<=", StringComparison.Ordinal) ? item[..2]
                : item.StartsWith('>') || item.StartsWith('<') || item.StartsWith('=') ? item[..1]
                : "";
            var version = item[op.Length..].Trim();
            if (version.Length == 0)
            {
                error = new VersionParseError("a comparator needs a version", start + item.Length);
                return false;
            }
            if (!scheme.TryParse(version, out _, out var bad))
            {
                error = new VersionParseError($"'{version}' is not a {scheme.Name} version ({bad.Message})", start + item.IndexOf(version, op.Length, StringComparison.Ordinal));
                return false;
            }
            constraints.Add((op == "=" ? "" : op) + VersConstraint.Encode(version));
        }
        if (!VersRange.TryNormalize($"vers:{scheme.Name}/{string.Join('|', constraints)}", out range, out var vers))
        {
            error = new VersionParseError($"the comparators do not make one range ({vers.Message})", 0);
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The range as the OSV events the matcher evaluates; null with the reason when it cannot be read or said.</summary>
    public static AffectedRange? ToOsv(Ecosystem ecosystem, string? text, out string? problem)
    {
        if (!TryRead(ecosystem, text, out var range, out var error))
        {
            problem = error.ToString();
            return null;
        }
        var osv = range.ToOsv();
        problem = osv is null ? $"'{text}' has no OSV form in {range.Scheme.Name}" : null;
        return osv;
    }
}
