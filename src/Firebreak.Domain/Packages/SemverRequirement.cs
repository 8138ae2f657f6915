using System.Globalization;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Cargo-style version requirement as RustSec writes them: comma-separated comparators, all of
/// which must hold — <c>= &gt; &gt;= &lt; &lt;=</c>, caret (<c>^1.2.3</c>, also the meaning of a bare
/// version), tilde (<c>~1.2</c>) and wildcards (<c>*</c>, <c>1.*</c>).
/// </summary>
public sealed class SemverRequirement
{
    private readonly List<(string Op, SemanticVersion Bound)> _comparators;

    private SemverRequirement(string text, List<(string, SemanticVersion)> comparators)
    {
        Text = text;
        _comparators = comparators;
    }

    /// <summary>The requirement as written.</summary>
    public string Text { get; }

    /// <summary>The smallest version the requirement admits, when it has a lower bound.</summary>
    public SemanticVersion? LowerBound => _comparators.Where(c => c.Op is ">=" or "=").Select(c => c.Bound).Max();

    /// <summary>The comparators (<c>= &gt; &gt;= &lt; &lt;=</c> with their bound) that caret, tilde and wildcards expand to.</summary>
    internal IReadOnlyList<(string Op, SemanticVersion Bound)> Comparators => _comparators;

    /// <summary>True when every comparator admits the version.</summary>
    public bool Matches(SemanticVersion version) => _comparators.All(c => c.Op switch
    {
        "=" => version.CompareTo(c.Bound) == 0,
        ">" => version.CompareTo(c.Bound) > 0,
        ">=" => version.CompareTo(c.Bound) >= 0,
        "<" => version.CompareTo(c.Bound) < 0,
        _ => version.CompareTo(c.Bound) <= 0,
    });

    /// <summary>Parses a requirement; false with the reason when it is not one.</summary>
    public static bool TryParse(string? text, out SemverRequirement? requirement, out string? error)
    {
        requirement = null;
        error = null;
        var comparators = new List<(string, SemanticVersion)>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Add(part, comparators, out error))
            {
                error = $"Version requirement '{text}': {error}";
                return false;
            }
        }
        requirement = new SemverRequirement(text!.Trim(), comparators);
        return true;
    }

    private static bool Add(string part, List<(string, SemanticVersion)> comparators, out string? error)
    {
        error = null;
        var op = part.StartsWith(">=", StringComparison.Ordinal) ? ">=" : part.StartsWith("<=", StringComparison.Ordinal) ? "<="
            : part.Length > 0 && part[0] is '>' or '<' or '=' or '^' or '~' ? part[..1] : "^";
        var rest = (op == "^" && !part.StartsWith('^') ? part : part[op.Length..]).Trim();
        if (rest is "*" or "") { if (rest == "*") return true; error = "a comparator has no version"; return false; }
        var numbers = new List<long>();
        foreach (var piece in rest.Split('-', 2)[0].Split('+', 2)[0].Split('.'))
        {
            if (piece is "*" or "x" or "X") break;
            if (!long.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || numbers.Count == 3)
            {
                error = $"'{part}' is not a version comparator";
                return false;
            }
            numbers.Add(n);
        }
        if (numbers.Count == 0) { error = $"'{part}' is not a version comparator"; return false; }
        var prerelease = rest.Contains('-', StringComparison.Ordinal) ? "-" + rest.Split('-', 2)[1] : "";
        long major = numbers[0], minor = numbers.Count > 1 ? numbers[1] : 0, patch = numbers.Count > 2 ? numbers[2] : 0;
        var lower = V($"{major}.{minor}.{patch}{prerelease}");
        var wildcard = numbers.Count < 3;
        switch (op)
        {
            case "^":
                comparators.Add((">=", lower));
                comparators.Add(("<", major > 0 || numbers.Count == 1 ? V($"{major + 1}.0.0") : minor > 0 || numbers.Count == 2 ? V($"0.{minor + 1}.0") : V($"0.0.{patch + 1}")));
                break;
            case "~":
                comparators.Add((">=", lower));
                comparators.Add(("<", numbers.Count == 1 ? V($"{major + 1}.0.0") : V($"{major}.{minor + 1}.0")));
                break;
            case "=" when wildcard:
                comparators.Add((">=", lower));
                comparators.Add(("<", numbers.Count == 1 ? V($"{major + 1}.0.0") : V($"{major}.{minor + 1}.0")));
                break;
            default:
                comparators.Add((op, lower));
                break;
        }
        return true;
    }

    private static SemanticVersion V(string text) => SemanticVersion.Parse(text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
