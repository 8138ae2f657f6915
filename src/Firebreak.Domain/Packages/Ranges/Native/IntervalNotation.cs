using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// The mathematical interval notation Maven and NuGet share: <c>[1.0,2.0)</c>, <c>(,1.0]</c>, <c>[1.2,)</c>, <c>[1.0]</c>
/// (exactly), with '[' and ']' inclusive and '(' and ')' exclusive, spaces allowed around the parts; Maven joins several
/// intervals with commas, in ascending order and without overlap. A bare version is a minimum (x &gt;= version).
/// </summary>
internal static class IntervalNotation
{
    public sealed record Bounds(IComparable? Low, bool LowInclusive, IComparable? High, bool HighInclusive)
    {
        public bool Contains(IComparable v) =>
            (Low is null || (LowInclusive ? v.CompareTo(Low) >= 0 : v.CompareTo(Low) > 0)) && (High is null || (HighInclusive ? v.CompareTo(High) <= 0 : v.CompareTo(High) < 0));

        public VersionIntervals Interval => VersionIntervals.Of(
            Low is null ? VersionCut.Bottom : LowInclusive ? VersionCut.Below(Low) : VersionCut.Above(Low),
            High is null ? VersionCut.Top : HighInclusive ? VersionCut.Above(High) : VersionCut.Below(High));
    }

    public static bool TryParse(string s, VersionScheme scheme, string notation, bool several, [NotNullWhen(true)] out List<Bounds>? bounds, [NotNullWhen(false)] out VersionParseError? error)
    {
        bounds = [];
        var i = Skip(s, 0);
        if (i == s.Length) return Fail(out bounds, out error, $"a {notation} range is empty", i);
        if (s[i] is not ('[' or '('))
        {
            var end = s.Length;
            while (end > i && char.IsWhiteSpace(s[end - 1])) end--;
            if (!Version(s, i, end, scheme, notation, out var v, out error)) { bounds = null; return false; }
            bounds.Add(new Bounds(v, true, null, false));
            return true;
        }
        while (true)
        {
            var open = i;
            var close = s.IndexOfAny([']', ')'], open);
            if (close < 0) return Fail(out bounds, out error, "this interval is not closed with ']' or ')'", open);
            var comma = s.IndexOf(',', open, close - open);
            Bounds b;
            if (comma < 0)
            {
                if (s[open] != '[' || s[close] != ']') return Fail(out bounds, out error, "a single version is written [version]", open);
                if (!Version(s, Skip(s, open + 1), Trim(s, close), scheme, notation, out var exact, out error)) { bounds = null; return false; }
                b = new Bounds(exact, true, exact, true);
            }
            else
            {
                IComparable? low = null, high = null;
                int lowStart = Skip(s, open + 1), highStart = Skip(s, comma + 1);
                if (lowStart < Trim(s, comma) && !Version(s, lowStart, Trim(s, comma), scheme, notation, out low, out error)) { bounds = null; return false; }
                if (highStart < Trim(s, close) && !Version(s, highStart, Trim(s, close), scheme, notation, out high, out error)) { bounds = null; return false; }
                if (s.IndexOf(',', comma + 1, close - comma - 1) is var extra and >= 0) return Fail(out bounds, out error, "an interval has two ends", extra);
                b = new Bounds(low, s[open] == '[', high, s[close] == ']');
                if (low is not null && high is not null && (low.CompareTo(high) > 0 || (low.CompareTo(high) == 0 && !(b.LowInclusive && b.HighInclusive))))
                    return Fail(out bounds, out error, "the lower end is above the upper end, or the interval is empty", open);
            }
            if (bounds.Count > 0 && (bounds[^1].High is null || b.Low is null || bounds[^1].High!.CompareTo(b.Low) is var order && (order > 0 || (order == 0 && bounds[^1].HighInclusive && b.LowInclusive))))
                return Fail(out bounds, out error, "intervals are in ascending order and do not overlap", open);
            bounds.Add(b);
            i = Skip(s, close + 1);
            if (i == s.Length) { error = null; return true; }
            if (!several) return Fail(out bounds, out error, $"a {notation} range is one interval", i);
            if (s[i] != ',') return Fail(out bounds, out error, "intervals are separated by ','", i);
            i = Skip(s, i + 1);
            if (i == s.Length || s[i] is not ('[' or '(')) return Fail(out bounds, out error, "expected '[' or '(' to open the next interval", i);
        }
    }

    private static bool Version(string s, int start, int end, VersionScheme scheme, string notation, [NotNullWhen(true)] out IComparable? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        // Trimming an interval with nothing but blanks inside ("[ ]") leaves its end before its start: no version.
        var text = end > start ? s[start..end] : "";
        if (text.Length == 0 || text.Any(c => c is '*' or '[' or ']' or '(' or ')' or ','))
        {
            version = null;
            var at = text.Length == 0 ? start : start + text.IndexOfAny(['*', '[', ']', '(', ')', ',']);
            error = new VersionParseError(text.Contains('*', StringComparison.Ordinal) ? $"floating versions (*) choose a version; they are not a {notation} range" : "expected a version", at);
            return false;
        }
        if (scheme.TryParse(text, out version, out var bad)) { error = null; return true; }
        error = new VersionParseError($"'{text}' is not a {notation} version: {bad.Message}", start + bad.Position);
        return false;
    }

    private static int Skip(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    private static int Trim(string s, int end)
    {
        while (end > 0 && char.IsWhiteSpace(s[end - 1])) end--;
        return end;
    }

    private static bool Fail(out List<Bounds>? bounds, [NotNullWhen(false)] out VersionParseError? error, string message, int position)
    {
        bounds = null;
        error = new VersionParseError(message, position);
        return false;
    }
}
