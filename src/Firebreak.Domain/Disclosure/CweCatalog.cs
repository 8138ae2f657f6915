using System.Globalization;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// MITRE's CWE 4.14 weaknesses (id → name), from the compact table <c>CweData/cwe-4.14.tsv</c> that
/// <c>scripts/generate-cwe-table.py</c> makes from the catalogue (terms of use beside it). CSAF's mandatory test 6.1.11
/// asks that a CWE exist and carry its catalogue name; the advisory editor searches it by id or name.
/// </summary>
public static class CweCatalog
{
    private static readonly Lazy<IReadOnlyList<CweEntry>> Entries = new(Load);
    private static readonly Lazy<Dictionary<string, CweEntry>> ById = new(() => Entries.Value.ToDictionary(e => e.Id, StringComparer.Ordinal));

    /// <summary>The catalogue version.</summary>
    public const string Version = "4.14";

    /// <summary>The name of a weakness, e.g. <c>Incomplete Cleanup</c> for <c>CWE-459</c>; null when the catalogue has no such id.</summary>
    public static string? NameOf(string id) => ById.Value.GetValueOrDefault(id)?.Name;

    /// <summary>Every weakness MITRE has not deprecated, by number.</summary>
    public static IEnumerable<CweEntry> Current => Entries.Value.Where(e => !e.Deprecated);

    /// <summary>
    /// Weaknesses (not deprecated) matching <paramref name="query"/>: an id (<c>79</c>, <c>CWE-79</c>) first, then names
    /// holding every word of the query, shortest name first; at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<CweEntry> Search(string? query, int limit = 20)
    {
        var text = (query ?? "").Trim();
        if (text.Length == 0) return [];
        var number = text.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        var exact = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && ById.Value.TryGetValue($"CWE-{n}", out var hit) && !hit.Deprecated
            ? hit : null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var byName = Current.Where(e => e != exact && words.All(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Id.Equals(w, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.Name.Length).ThenBy(e => e.Number);
        return [.. (exact is null ? byName : byName.Prepend(exact)).Take(limit)];
    }

    private static List<CweEntry> Load()
    {
        using var stream = typeof(CweCatalog).Assembly.GetManifestResourceStream("cwe-4.14.tsv")!;
        using var reader = new StreamReader(stream);
        var entries = new List<CweEntry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var fields = line.Split('\t');
            entries.Add(new CweEntry(int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2] == "D"));
        }
        return entries;
    }
}

/// <summary>One weakness of the catalogue.</summary>
/// <param name="Number">The number, e.g. 459.</param>
/// <param name="Name">The catalogue name.</param>
/// <param name="Deprecated">Whether MITRE deprecated it.</param>
public sealed record CweEntry(int Number, string Name, bool Deprecated)
{
    /// <summary>The id, e.g. <c>CWE-459</c>.</summary>
    public string Id => $"CWE-{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>CWE-459: Incomplete Cleanup</c>.</summary>
    public string Label => $"{Id}: {Name}";
}
