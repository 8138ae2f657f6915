using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A RubyGems requirement (<c>Gem::Requirement</c>): clauses separated by commas, all of which must hold, each an
/// operator (=, !=, &gt;, &lt;, &gt;=, &lt;=, ~&gt;; none means =) and a version. <c>~&gt; 1.2</c> is "at least 1.2 and a
/// release below 2", <c>~&gt; 1.2.3</c> "at least 1.2.3 and a release below 1.3": RubyGems tests the version's release
/// (prerelease letters dropped) against the bump, so 2.0.a is outside <c>~&gt; 1.2</c>. vers has no comparator for
/// "below every prerelease of 2", so <see cref="NativeRange.ToVers"/> writes <c>&lt;2</c>, which also admits 2.0.a;
/// it is exact on every other version.
/// </summary>
public sealed class GemRequirement : NativeRange
{
    private static readonly string[] Operators = [">=", "<=", "!=", "~>", "=", ">", "<"];

    private readonly IReadOnlyList<(string Op, RubyGemsVersion Version)> _clauses;

    private GemRequirement(string text, IReadOnlyList<(string, RubyGemsVersion)> clauses) : base(VersionSchemes.Gem, text) => _clauses = clauses;

    /// <summary>Parses a requirement; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GemRequirement? requirement, [NotNullWhen(false)] out VersionParseError? error)
    {
        requirement = null;
        var s = text ?? "";
        var clauses = new List<(string, RubyGemsVersion)>();
        var start = 0;
        while (true)
        {
            var comma = s.IndexOf(',', start);
            var end = comma < 0 ? s.Length : comma;
            int a = start, b = end;
            while (a < b && char.IsWhiteSpace(s[a])) a++;
            while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
            if (a == b) { error = new VersionParseError(clauses.Count == 0 && comma < 0 ? "a requirement is empty" : "an empty clause (a stray ',')", a); return false; }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(s, a, o, 0, o.Length) == 0) ?? "";
            var v = a + op.Length;
            while (v < b && char.IsWhiteSpace(s[v])) v++;
            if (v == b) { error = new VersionParseError($"'{op}' needs a version after it", v); return false; }
            if (!RubyGemsVersion.TryParse(s[v..b], out var version) || s[v..b].Any(char.IsWhiteSpace))
            {
                error = new VersionParseError($"'{s[v..b]}' is not a RubyGems version", v);
                return false;
            }
            clauses.Add((op.Length == 0 ? "=" : op, version));
            if (comma < 0) break;
            start = comma + 1;
        }
        requirement = new GemRequirement(s, clauses);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version)
    {
        var v = version as RubyGemsVersion ?? throw new ArgumentException("A RubyGems requirement tests RubyGemsVersion values.", nameof(version));
        return _clauses.All(c => c.Op switch
        {
            "=" => v.CompareTo(c.Version) == 0,
            "!=" => v.CompareTo(c.Version) != 0,
            ">" => v.CompareTo(c.Version) > 0,
            "<" => v.CompareTo(c.Version) < 0,
            ">=" => v.CompareTo(c.Version) >= 0,
            "<=" => v.CompareTo(c.Version) <= 0,
            _ => v.CompareTo(c.Version) >= 0 && v.Release().CompareTo(c.Version.Bump()) < 0,
        });
    }

    internal override VersionIntervals Intervals => _clauses.Aggregate(VersionIntervals.All, (acc, c) => acc.Intersect(c.Op switch
    {
        "~>" => VersionIntervals.Of(VersionCut.Below(c.Version), VersionCut.Below(c.Version.Bump())),
        _ => VersIntervals.Of(Scheme, new VersConstraint(c.Op switch
        {
            "=" => VersComparator.Equal, "!=" => VersComparator.NotEqual, ">" => VersComparator.Greater, "<" => VersComparator.Less,
            ">=" => VersComparator.GreaterOrEqual, _ => VersComparator.LessOrEqual,
        }, c.Version)),
    }));
}
