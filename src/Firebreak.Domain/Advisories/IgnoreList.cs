using System.Globalization;

namespace Firebreak.Domain.Advisories;

/// <summary>One accepted risk: an advisory id (or alias) not to fail on, until a date, with the reason.</summary>
/// <param name="Id">The advisory id or alias, as written.</param>
/// <param name="Until">The last day the ignore holds (inclusive); null for no expiry.</param>
/// <param name="Reason">Why, from the comment after <c>#</c>.</param>
/// <param name="Line">Where it was written (1-based).</param>
public sealed record IgnoreEntry(string Id, DateOnly? Until, string Reason, int Line)
{
    /// <summary>True while the ignore holds on <paramref name="today"/>.</summary>
    public bool HoldsOn(DateOnly today) => Until is not { } until || today <= until;
}

/// <summary>
/// An ignore file for scans (<c>--ignore FILE</c>): one advisory per line, optionally
/// <c>until YYYY-MM-DD</c>, optionally <c># reason</c>; blank lines and comment lines skipped. An
/// ignore that has expired no longer applies, so a deferred finding comes back by itself.
/// </summary>
public static class IgnoreList
{
    /// <summary>Parses the file; a malformed line raises <see cref="AdvisoryFormatException"/> naming the line.</summary>
    public static IReadOnlyList<IgnoreEntry> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<IgnoreEntry>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var reason = hash < 0 ? "" : raw[(hash + 1)..].Trim();
            var words = (hash < 0 ? raw : raw[..hash]).Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            DateOnly? until = words switch
            {
                [_] => null,
                [_, "until", var date] when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
                _ => throw new AdvisoryFormatException(source, number, $"expected 'ADVISORY-ID [until YYYY-MM-DD] [# reason]', found '{raw.Trim()}'."),
            };
            if (words[0].Length > 100) throw new AdvisoryFormatException(source, number, "the advisory id is longer than 100 characters.");
            entries.Add(new IgnoreEntry(words[0], until, reason, number));
        }
        return entries;
    }

    /// <summary>The findings with <see cref="ScanFinding.Ignored"/> set where an ignore holds today; also the expired ignores that matched.</summary>
    public static (IReadOnlyList<ScanFinding> Findings, IReadOnlyList<IgnoreEntry> Expired) Apply(IEnumerable<ScanFinding> findings, IReadOnlyList<IgnoreEntry> ignores, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(ignores);
        var expired = new HashSet<IgnoreEntry>();
        var result = findings.Select(finding =>
        {
            var matching = ignores.Where(i => finding.Ids.Contains(i.Id, StringComparer.OrdinalIgnoreCase)).ToList();
            if (matching.FirstOrDefault(i => i.HoldsOn(today)) is { } holding) return finding with { Ignored = holding };
            foreach (var gone in matching) expired.Add(gone);
            return finding;
        }).ToList();
        return (result, [.. expired.OrderBy(e => e.Line)]);
    }
}
