using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// An npm range in node-semver's grammar: sets joined by <c>||</c>, each a hyphen range (<c>1.2 - 2.3.4</c>) or
/// comparators separated by spaces, all of which must hold — <c>&lt; &lt;= &gt; &gt;= =</c> with a version or partial,
/// x-ranges (<c>1.x</c>, <c>1.2.*</c>, <c>*</c>), tildes (<c>~1.2</c>, <c>~&gt;1.2</c>), carets (<c>^0.2.3</c>) and bare
/// versions, which mean exactly that version. Desugared as node-semver does. A version with a prerelease tag is in
/// the range only if a comparator of the set that admits it names a prerelease of the same major.minor.patch
/// (node-semver's rule; <see cref="Contains(IComparable, bool)"/> can lift it as includePrerelease does).
/// <see cref="NativeRange.ToVers"/> writes node-semver's includePrerelease reading, which vers can express: on
/// versions without a prerelease tag it agrees with the default reading.
/// </summary>
public sealed partial class NpmRange : NativeRange
{
    private readonly List<List<(string Kind, string Op, NpmPartial A, NpmPartial? B)>> _items;
    private List<List<(string Op, SemanticVersion? V)>>? _default, _inclusive;

    private NpmRange(string text, List<List<(string, string, NpmPartial, NpmPartial?)>> items) : base(VersionSchemes.Npm, text) => _items = items;

    /// <summary>Parses a range; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NpmRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        // node-semver strips build metadata (+...) wherever it appears before reading; blanking keeps positions.
        var s = Build().Replace(text ?? "", m => new string(' ', m.Length));
        var sets = new List<List<(string, string, NpmPartial, NpmPartial?)>>();
        var start = 0;
        while (true)
        {
            var bar = s.IndexOf("||", start, StringComparison.Ordinal);
            var end = bar < 0 ? s.Length : bar;
            if (!TryParseSet(s, start, end, out var set, out error)) return false;
            sets.Add(set);
            if (bar < 0) break;
            start = bar + 2;
        }
        range = new NpmRange(text ?? "", sets);
        if (range.Sets(incl: false).Concat(range.Sets(incl: true)).SelectMany(set => set).FirstOrDefault(c => c.V is { } v && v.Core.Any(n => n.Length > 15 && NpmPartial.Unsafe(n))) is { V: { } big })
        {
            range = null;
            error = new VersionParseError($"desugaring gives {big}, whose numbers exceed 2^53 - 1", 0);
            return false;
        }
        error = null;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*")]
    private static partial System.Text.RegularExpressions.Regex Build();

    private static readonly string[] Operators = ["<", ">", "<=", ">=", "=", "~", "~>", "^"];

    private static bool TryParseSet(string s, int start, int end, out List<(string, string, NpmPartial, NpmPartial?)> set, [NotNullWhen(false)] out VersionParseError? error)
    {
        set = [];
        var words = new List<(int Start, int End)>();
        for (var i = start; i < end;)
        {
            while (i < end && char.IsWhiteSpace(s[i])) i++;
            var w = i;
            while (i < end && !char.IsWhiteSpace(s[i])) i++;
            if (i > w) words.Add((w, i));
        }
        if (words.Count == 3 && s.AsSpan(words[1].Start, words[1].End - words[1].Start) is "-")
        {
            if (!NpmPartial.TryRead(s, words[0].Start, words[0].End, true, out var from, out error)
                || !NpmPartial.TryRead(s, words[2].Start, words[2].End, true, out var to, out error)) return false;
            if ((from.IsFull && !from.PrefixAllowedInComparator) || (to.IsFull && to.Prerelease is null && !to.PrefixAllowedInComparator))
            {
                error = new VersionParseError("only a 'v' may precede a full version in a hyphen range", from.IsFull && !from.PrefixAllowedInComparator ? words[0].Start : words[2].Start);
                return false;
            }
            set.Add(("-", "", from, to));
            return true;
        }
        for (var k = 0; k < words.Count; k++)
        {
            var (w, e) = words[k];
            var word = s[w..e];
            if (Operators.Contains(word))
            {
                if (k + 1 == words.Count) { error = new VersionParseError($"'{word}' needs a version after it", e); return false; }
                e = words[++k].End;
            }
            var (kind, op, length) = word.StartsWith('^') ? ("^", "", 1) : word.StartsWith("~>", StringComparison.Ordinal) ? ("~", "", 2) : word.StartsWith('~') ? ("~", "", 1)
                : word.StartsWith(">=", StringComparison.Ordinal) || word.StartsWith("<=", StringComparison.Ordinal) ? ("x", word[..2], 2)
                : word[0] is '<' or '>' or '=' ? ("x", word[..1], 1) : ("x", "", 0);
            var from = w + length;
            while (from < e && char.IsWhiteSpace(s[from])) from++;
            if (from == e) { error = new VersionParseError($"'{word}' needs a version after it", e); return false; }
            if (!NpmPartial.TryRead(s, from, e, prefix: true, out var partial, out error)) return false;
            if (kind == "x" && partial.WildcardBeforeNumber) { error = new VersionParseError("a number cannot follow a wildcard (x.1, 1.x.3)", from); return false; }
            if (kind == "x" && partial.IsFull && !partial.PrefixAllowedInComparator) { error = new VersionParseError("only a 'v' may precede a full version after the operator", from); return false; }
            set.Add((kind, op, partial, null));
        }
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version) => Contains(version, includePrerelease: false);

    /// <summary>Whether the version is in the range; <paramref name="includePrerelease"/> is node-semver's option of that name.</summary>
    public bool Contains(IComparable version, bool includePrerelease)
    {
        var v = version as SemanticVersion ?? throw new ArgumentException("An npm range tests SemanticVersion values.", nameof(version));
        return Sets(includePrerelease).Any(set => set.All(c => Test(c, v)) && (!v.IsPrerelease || includePrerelease || set.Any(c => SameTupleWithPrerelease(c, v))));
    }

    private static bool Test((string Op, SemanticVersion? V) c, SemanticVersion v)
    {
        if (c.V is null) return true;
        var k = v.CompareTo(c.V);
        return c.Op switch { "<" => k < 0, "<=" => k <= 0, ">" => k > 0, ">=" => k >= 0, _ => k == 0 };
    }

    private static bool SameTupleWithPrerelease((string Op, SemanticVersion? V) c, SemanticVersion v) =>
        c.V is { IsPrerelease: true } a && a.Core.SequenceEqual(v.Core);

    internal override VersionIntervals Intervals => Sets(incl: true)
        .Select(set => set.Aggregate(VersionIntervals.All, (acc, c) => acc.Intersect(c.V is null ? VersionIntervals.All : VersIntervals.Of(Scheme, Constraint(c)))))
        .Aggregate(VersionIntervals.Empty, (acc, set) => acc.Union(set));

    private static VersConstraint Constraint((string Op, SemanticVersion? V) c) => new(c.Op switch
    {
        "<" => VersComparator.Less, "<=" => VersComparator.LessOrEqual, ">" => VersComparator.Greater, ">=" => VersComparator.GreaterOrEqual, _ => VersComparator.Equal,
    }, c.V!);

    private List<List<(string Op, SemanticVersion? V)>> Sets(bool incl) => incl ? _inclusive ??= Desugar(true) : _default ??= Desugar(false);

    // node-semver's Range: desugar each set, keep only the empty set where one comparator admits nothing, drop
    // duplicates and (beside others) the match-all comparator; then drop empty sets beside others, and if a set
    // admits everything the range is that set alone.
    private List<List<(string Op, SemanticVersion? V)>> Desugar(bool incl)
    {
        var sets = _items.Select(items =>
        {
            var comparators = items.SelectMany(x => x.Kind switch
            {
                "^" => NpmDesugar.Caret(x.A, incl),
                "~" => NpmDesugar.Tilde(x.A, incl),
                "-" => NpmDesugar.Hyphen(x.A, x.B!, incl),
                _ => NpmDesugar.XRange(x.Op, x.A, incl),
            }).Select(c => NpmDesugar.Gte0(c, incl)).ToList();
            if (comparators.Count == 0) return [NpmDesugar.Any];
            if (comparators.Any(IsNothing)) return [NpmDesugar.Nothing];
            var distinct = comparators.DistinctBy(c => c.Op + (c.V?.ToString() ?? "")).ToList();
            return distinct.Count > 1 ? [.. distinct.Where(c => c.V is not null)] : distinct;
        }).ToList();
        if (sets.Count > 1)
        {
            var first = sets[0];
            sets = [.. sets.Where(s => !IsNothing(s[0]))];
            if (sets.Count == 0) sets = [first];
            else if (sets.Count > 1 && sets.FirstOrDefault(s => s is [{ V: null }]) is { } any) sets = [any];
        }
        return sets;
    }

    private static bool IsNothing((string Op, SemanticVersion? V) c) => c.Op == "<" && c.V is { } v && v.CompareTo(NpmDesugar.Nothing.V) == 0 && v.Prerelease is ["0"];
}
