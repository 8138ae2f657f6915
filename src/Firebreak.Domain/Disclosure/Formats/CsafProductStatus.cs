using System.Text.Json;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// One CSAF vulnerability's product_status read into the model: known_affected, first_affected and last_affected
/// become affected versions and ranges, fixed and first_fixed patched versions, known_not_affected unaffected
/// entries whose justification comes from the flags and whose impact statement from the impact threats.
/// Packages keep the order in which the document first names them.
/// </summary>
internal sealed class CsafProductStatus
{
    /// <summary>
    /// The impact statement of a not-affected product for which the document gives neither a flag nor an impact
    /// threat (allowed outside the VEX profile): the model needs a reason, and this one says that none was given.
    /// </summary>
    internal const string NoReasonGiven = "Not affected (the source document gives no reason).";

    public CsafProductStatus(JsonElement vulnerability, string path, CsafProductCatalog catalog)
    {
        var status = CsafJson.Object(vulnerability, "product_status", path) ?? default;
        var statusPath = path + ".product_status";
        var affected = Ids(status, statusPath, "known_affected", "first_affected", "last_affected");
        var fixedIds = Ids(status, statusPath, "fixed", "first_fixed");
        AffectedIds = new HashSet<string>(affected.Select(a => a.Id), StringComparer.Ordinal);
        FixedIds = new HashSet<string>(fixedIds.Select(f => f.Id), StringComparer.Ordinal);
        var packages = new OrderedDictionary<(string Vendor, string Name), (CsafStatusBucket Affected, CsafStatusBucket Fixed)>();
        foreach (var (id, idPath) in affected.Concat(fixedIds))
        {
            var product = catalog.Resolve(id, idPath);
            if (!packages.TryGetValue(product.Package, out var buckets)) packages.Add(product.Package, buckets = (new(), new()));
            (AffectedIds.Contains(id) ? buckets.Affected : buckets.Fixed).Add(product);
        }
        Affected = [.. packages.Select(p => CsafJson.At(statusPath, () => new AffectedProduct(AdvisoryPackage.Product(p.Key.Vendor, p.Key.Name),
            p.Value.Affected.Ranges, p.Value.Affected.Versions, p.Value.Fixed.Texts)))];
        Unaffected = ReadUnaffected(vulnerability, path, catalog, Ids(status, statusPath, "known_not_affected"));
    }

    public IReadOnlyList<AffectedProduct> Affected { get; }

    public IReadOnlyList<UnaffectedProduct> Unaffected { get; }

    /// <summary>Ids with an affected status (known_affected, first_affected, last_affected).</summary>
    public IReadOnlySet<string> AffectedIds { get; }

    /// <summary>Ids with a fixed status (fixed, first_fixed).</summary>
    public IReadOnlySet<string> FixedIds { get; }

    private static List<UnaffectedProduct> ReadUnaffected(JsonElement vulnerability, string path, CsafProductCatalog catalog, List<(string Id, string Path)> ids)
    {
        var justifications = new Dictionary<string, VexJustification>(StringComparer.Ordinal);
        foreach (var (flag, flagPath) in CsafJson.Array(vulnerability, "flags", path))
            if (VexTerms.TryParseJustification(CsafJson.String(flag, "label", flagPath), out var justification))
                foreach (var id in catalog.Expand(flag, flagPath)) justifications.TryAdd(id, justification);
        var impacts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (threat, threatPath) in CsafJson.Array(vulnerability, "threats", path))
            if (CsafJson.String(threat, "category", threatPath) == "impact" && ImportedText.Block(CsafJson.String(threat, "details", threatPath), 4096) is { } details)
                foreach (var id in catalog.Expand(threat, threatPath)) impacts.TryAdd(id, details);
        var groups = new OrderedDictionary<((string, string) Package, VexJustification? Justification, string? Impact), CsafStatusBucket>();
        foreach (var (id, idPath) in ids)
        {
            var product = catalog.Resolve(id, idPath);
            VexJustification? justification = justifications.TryGetValue(id, out var j) ? j : null;
            var impact = impacts.GetValueOrDefault(id) ?? (justification is null ? NoReasonGiven : null);
            var key = (product.Package, justification, impact);
            if (!groups.TryGetValue(key, out var bucket)) groups.Add(key, bucket = new CsafStatusBucket());
            bucket.Add(product);
        }
        return [.. groups.Select(g => CsafJson.At(path + ".product_status.known_not_affected", () => new UnaffectedProduct(
            AdvisoryPackage.Product(g.Key.Package.Item1, g.Key.Package.Item2), g.Value.Versions, g.Value.Ranges, g.Key.Justification, g.Key.Impact)))];
    }

    private static List<(string Id, string Path)> Ids(JsonElement status, string path, params string[] names) =>
        [.. names.SelectMany(name => CsafJson.Strings(status, name, path).Select((id, i) => (id, $"{path}.{name}[{i}]")))];
}
