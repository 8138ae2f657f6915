using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A PEP 440 version specifier set: clauses separated by commas, all of which must hold — <c>~=</c> (compatible
/// release), <c>==</c> and <c>!=</c> (with <c>.*</c> for a prefix), <c>&lt;= &gt;= &lt; &gt;</c> (the exclusive ones skip
/// V's pre-releases and post-releases as the PEP says) and <c>===</c> (text). An empty set admits every version.
/// Pre-releases are in the set only when a clause opts them in (==, ===, &gt;=, &lt;=, ~= naming a pre-release), as
/// packaging's <c>SpecifierSet.contains</c> decides; <see cref="Contains(IComparable, bool?)"/> can allow them. The
/// vers form uses the pypi scheme's PEP 440 comparators and is exact with pre-releases allowed; === has none.
/// </summary>
public sealed partial class Pep440Specifiers : NativeRange
{
    private static readonly string[] Operators = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

    private readonly IReadOnlyList<Pep440Specifier> _clauses;

    private Pep440Specifiers(string text, IReadOnlyList<Pep440Specifier> clauses) : base(VersionSchemes.PyPI, text) => _clauses = clauses;

    /// <summary>Parses a specifier set; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Specifiers? specifiers, [NotNullWhen(false)] out VersionParseError? error)
    {
        specifiers = null;
        var s = text ?? "";
        var clauses = new List<Pep440Specifier>();
        if (!string.IsNullOrWhiteSpace(s))
        {
            var start = 0;
            while (true)
            {
                var comma = s.IndexOf(',', start);
                var end = comma < 0 ? s.Length : comma;
                if (!Clause(s, start, end, out var clause, out error)) return false;
                clauses.Add(clause);
                if (comma < 0) break;
                start = comma + 1;
            }
        }
        specifiers = new Pep440Specifiers(s, clauses);
        error = null;
        return true;
    }

    private static bool Clause(string s, int start, int end, [NotNullWhen(true)] out Pep440Specifier? clause, [NotNullWhen(false)] out VersionParseError? error)
    {
        clause = null;
        int a = start, b = end;
        while (a < b && char.IsWhiteSpace(s[a])) a++;
        while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
        if (a == b) return Fail(out error, "an empty specifier (a stray ',')", a);
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(s, a, o, 0, o.Length) == 0);
        if (op is null) return Fail(out error, "a specifier starts with an operator: ~=, ==, !=, <=, >=, <, > or ===", a);
        var v = a + op.Length;
        while (v < b && char.IsWhiteSpace(s[v])) v++;
        if (v == b) return Fail(out error, $"'{op}' needs a version after it", v);
        var text = s[v..b];
        if (op == "===")
        {
            if (text.Any(char.IsWhiteSpace)) return Fail(out error, "'===' takes one word", v + text.IndexOf(text.First(char.IsWhiteSpace)));
            clause = new Pep440Specifier(op, Pep440Version.Parse(text), text, false);
            error = null;
            return true;
        }
        var prefix = op is "==" or "!=" && text.EndsWith(".*", StringComparison.Ordinal);
        if (prefix && !PrefixPattern().IsMatch(text[..^2])) return Fail(out error, "a prefix match (.*) follows only an epoch and release numbers, as in ==1.2.*", v);
        if (!Pep440Version.TryParse(prefix ? text[..^2] : text, out var version) || version.IsLegacy)
            return Fail(out error, $"'{text}' is not a PEP 440 version", v);
        if (version.IsLocal && op is not ("==" or "!=")) return Fail(out error, "a local version (+...) is allowed only with ==, != and ===", v + text.IndexOf('+', StringComparison.Ordinal));
        if (op == "~=" && version.Parts!.WrittenRelease.Length < 2) return Fail(out error, "'~=' needs at least two release numbers (~=1.2)", v);
        clause = new Pep440Specifier(op, version, text, prefix);
        error = null;
        return true;
    }

    private static bool Fail([NotNullWhen(false)] out VersionParseError? error, string message, int position)
    {
        error = new VersionParseError(message, position);
        return false;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version) => Contains(version, includePrerelease: null);

    /// <summary>Whether the version is in the set; <paramref name="includePrerelease"/> true or false overrides the set's own choice.</summary>
    public bool Contains(IComparable version, bool? includePrerelease)
    {
        var v = version as Pep440Version ?? throw new ArgumentException("PEP 440 specifiers test Pep440Version values.", nameof(version));
        if (v.IsLegacy && _clauses.Any(c => c.Op != "===")) return false;
        if (v.IsPrerelease && !(includePrerelease ?? _clauses.Any(c => c.OptsInPrereleases))) return false;
        return _clauses.All(c => c.Matches(v));
    }

    internal override VersionIntervals Intervals => _clauses.Aggregate(VersionIntervals.All, (acc, c) => acc.Intersect(c.Interval(Scheme)));

    [GeneratedRegex(@"^v?([0-9]+!)?[0-9]+(\.[0-9]+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
