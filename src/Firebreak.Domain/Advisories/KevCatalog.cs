using System.Globalization;
using System.Text.Json;

namespace Firebreak.Domain.Advisories;

/// <summary>One entry of CISA's Known Exploited Vulnerabilities catalog.</summary>
/// <param name="CveId">The CVE.</param>
/// <param name="VendorProject">Vendor or project.</param>
/// <param name="Product">Product.</param>
/// <param name="VulnerabilityName">Name.</param>
/// <param name="DateAdded">When CISA added it.</param>
/// <param name="DueDate">The remediation due date CISA set for federal agencies.</param>
/// <param name="KnownRansomwareCampaignUse">"Known" or "Unknown".</param>
/// <param name="RequiredAction">What CISA requires.</param>
public sealed record KevEntry(string CveId, string VendorProject, string Product, string VulnerabilityName,
    DateOnly DateAdded, DateOnly DueDate, string KnownRansomwareCampaignUse, string RequiredAction);

/// <summary>The KEV catalog, looked up by CVE.</summary>
public sealed class KevCatalog
{
    private readonly Dictionary<string, KevEntry> _byCve;

    private KevCatalog(string version, IReadOnlyList<KevEntry> entries)
    {
        CatalogVersion = version;
        Entries = entries;
        _byCve = entries.GroupBy(e => e.CveId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog's own version string.</summary>
    public string CatalogVersion { get; }

    /// <summary>Every entry.</summary>
    public IReadOnlyList<KevEntry> Entries { get; }

    /// <summary>The entry for any of the identifiers, or null.</summary>
    public KevEntry? Find(IEnumerable<string> identifiers) =>
        identifiers.Select(id => _byCve.GetValueOrDefault(id)).FirstOrDefault(e => e is not null);

    /// <summary>A catalog of the given entries (as an advisory index stores them); the first entry of a CVE wins.</summary>
    public static KevCatalog FromEntries(string version, IReadOnlyList<KevEntry> entries) =>
        new(version ?? "", entries ?? throw new ArgumentNullException(nameof(entries)));

    /// <summary>Reads the catalog JSON; throws <see cref="AdvisoryFormatException"/> naming the JSON path of the problem.</summary>
    public static KevCatalog Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("vulnerabilities", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new AdvisoryFormatException(source, 0, "$.vulnerabilities: expected the catalog's list of vulnerabilities.");
            var entries = new List<KevEntry>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"$.vulnerabilities[{i++}]";
                entries.Add(new KevEntry(Str(item, "cveID", path, source), Str(item, "vendorProject", path, source), Str(item, "product", path, source),
                    Str(item, "vulnerabilityName", path, source), Date(item, "dateAdded", path, source), Date(item, "dueDate", path, source),
                    Str(item, "knownRansomwareCampaignUse", path, source), Str(item, "requiredAction", path, source)));
            }
            var version = root.TryGetProperty("catalogVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            return new KevCatalog(version, entries);
        }
        catch (JsonException e)
        {
            throw new AdvisoryFormatException(source, (int)(e.LineNumber ?? -1) + 1, $"Not valid JSON at {e.Path}: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static string Str(JsonElement item, string name, string path, string source) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new AdvisoryFormatException(source, 0, $"{path}.{name}: expected a string.");

    private static DateOnly Date(JsonElement item, string name, string path, string source) =>
        DateOnly.TryParseExact(Str(item, name, path, source), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new AdvisoryFormatException(source, 0, $"{path}.{name}: expected a date like 2025-08-25.");
}
