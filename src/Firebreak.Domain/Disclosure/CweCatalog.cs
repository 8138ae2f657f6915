namespace Firebreak.Domain.Disclosure;

/// <summary>
/// MITRE's CWE 4.14 weaknesses (id → name), embedded from the catalogue's CSV (Disclosure/CweData, with its terms of
/// use). CSAF's mandatory test 6.1.11 asks that a CWE exist and carry its catalogue name.
/// </summary>
public static class CweCatalog
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(Load);

    /// <summary>The catalogue version.</summary>
    public const string Version = "4.14";

    /// <summary>The name of a weakness, e.g. <c>Incomplete Cleanup</c> for <c>CWE-459</c>; null when the catalogue has no such id.</summary>
    public static string? NameOf(string id) => Names.Value.GetValueOrDefault(id);

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(CweCatalog).Assembly.GetManifestResourceStream("cwe-4.14-weaknesses.csv")!;
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = Csv(line);
            if (fields.Count >= 2) names["CWE-" + fields[0]] = fields[1];
        }
        return names;
    }

    // RFC 4180 fields: quoted fields may hold commas and doubled quotes.
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
