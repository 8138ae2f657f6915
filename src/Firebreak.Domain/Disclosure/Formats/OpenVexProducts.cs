using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// The products of one vulnerability's OpenVEX statements, gathered per package in first-seen order. A product is a
/// purl: known ecosystems become packages, other purl types products named by the versionless purl, anything else a
/// product named by its id. A product without a version stands for every version (a range from "0").
/// </summary>
internal sealed class OpenVexProducts
{
    private static readonly AffectedRange AllVersions = new(AffectedRangeType.Ecosystem, [new RangeEvent(RangeEventKind.Introduced, "0")]);

    private readonly OrderedDictionary<AdvisoryPackage, (List<string> Affected, List<string> Patched, bool AllAffected)> affected = [];
    private readonly OrderedDictionary<(AdvisoryPackage, VexJustification?, string?), (List<string> Versions, bool All)> unaffected = [];

    public void Add(VexStatement statement)
    {
        foreach (var product in statement.Products)
        {
            var (package, version) = Parse(product.Id);
            if (statement.Status is VexStatus.Affected or VexStatus.Fixed)
            {
                if (!affected.TryGetValue(package, out var entry)) affected.Add(package, entry = ([], [], false));
                if (statement.Status == VexStatus.Fixed) { if (version is not null) Once(entry.Patched, version); }
                else if (version is null) affected[package] = entry with { AllAffected = true };
                else Once(entry.Affected, version);
            }
            else if (statement.Status == VexStatus.NotAffected)
            {
                var key = (package, statement.Justification, ImportedText.Block(statement.ImpactStatement, 4096));
                if (!unaffected.TryGetValue(key, out var entry)) unaffected.Add(key, entry = ([], false));
                if (version is null) unaffected[key] = entry with { All = true };
                else Once(entry.Versions, version);
            }
        }
    }

    public List<AffectedProduct> Affected() =>
        [.. affected.Where(a => a.Value.Affected.Count > 0 || a.Value.Patched.Count > 0 || a.Value.AllAffected)
            .Select(a => new AffectedProduct(a.Key, a.Value.AllAffected ? [AllVersions] : null, a.Value.Affected, a.Value.Patched))];

    public List<UnaffectedProduct> Unaffected() =>
        [.. unaffected.Select(u => new UnaffectedProduct(u.Key.Item1, u.Value.Versions, u.Value.All ? [AllVersions] : null, u.Key.Item2, u.Key.Item3))];

    private static (AdvisoryPackage Package, string? Version) Parse(string id)
    {
        if (!PackageUrl.TryParse(id, PurlStrictness.Lenient, out var purl, out _)) return (AdvisoryPackage.Product(null, id), null);
        if (EcosystemNames.TryFromPurlType(purl.Type, out _)) return (AdvisoryPackage.FromPurl(id), purl.Version);
        // The exporter writes a product without a purl as pkg:generic/<name>; qualifiers and subpath are not held.
        var name = purl.Type == "generic" && purl.Namespace is null ? purl.Name : $"pkg:{purl.Type}/{(purl.Namespace is null ? "" : purl.Namespace + "/")}{purl.Name}";
        return (AdvisoryPackage.Product(null, name), purl.Version);
    }

    private static void Once(List<string> items, string item)
    {
        if (!items.Contains(item, StringComparer.Ordinal)) items.Add(item);
    }
}
