using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Builds a CSAF product tree (vendor → product_name → product_version or product_version_range) and hands out
/// one product id per leaf, so every id a vulnerability names is defined exactly once (rules 6.1.1 and 6.1.2).
/// </summary>
internal sealed class CsafProductTree
{
    private readonly List<(string Vendor, string Product, string Category, string Version, string Id, string? Purl)> leaves = [];

    /// <summary>The id of the leaf, created on first use.</summary>
    /// <remarks>Version text that reads as a range (&lt;=1.14.0, "all versions") goes under product_version_range (6.1.31).</remarks>
    public string Version(string vendor, AdvisoryPackage package, string version) => CsafProductRules.RangeWords().IsMatch(version)
        ? Leaf(vendor, package.Name, "product_version_range", version, null)
        : Leaf(vendor, package.Name, "product_version", version, package.PurlAt(version));

    /// <summary>The id of a range leaf; its name is the range in vers syntax.</summary>
    public string Range(string vendor, AdvisoryPackage package, AffectedRange range) =>
        Leaf(vendor, package.Name, "product_version_range", Vers(range, package.Ecosystem), null);

    public JsonObject ToJson() => new()
    {
        ["branches"] = AdvisoryJson.Array(leaves.GroupBy(l => l.Vendor).Select(vendor => new JsonObject
        {
            ["category"] = "vendor",
            ["name"] = vendor.Key,
            ["branches"] = AdvisoryJson.Array(vendor.GroupBy(l => l.Product).Select(product => new JsonObject
            {
                ["category"] = "product_name",
                ["name"] = product.Key,
                ["branches"] = AdvisoryJson.Array(product.Select(Leaf)),
            })),
        })),
    };

    /// <summary>An OSV range as a normalised vers string (see <see cref="CsafVersRange.Write"/>).</summary>
    public static string Vers(AffectedRange range, Ecosystem? ecosystem) => CsafVersRange.Write(range, ecosystem);

    private string Leaf(string vendor, string product, string category, string version, string? purl)
    {
        var existing = leaves.FindIndex(l => l.Vendor == vendor && l.Product == product && l.Category == category && l.Version == version);
        if (existing >= 0) return leaves[existing].Id;
        var id = "CSAFPID-" + (leaves.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
        leaves.Add((vendor, product, category, version, id, purl));
        return id;
    }

    private static JsonObject Leaf((string Vendor, string Product, string Category, string Version, string Id, string? Purl) leaf)
    {
        var shown = leaf.Category == "product_version_range" ? leaf.Version[(leaf.Version.IndexOf('/', StringComparison.Ordinal) + 1)..] : leaf.Version;
        var product = new JsonObject { ["name"] = $"{leaf.Vendor} {leaf.Product} {shown}", ["product_id"] = leaf.Id };
        if (leaf.Purl is { } purl) product["product_identification_helper"] = new JsonObject { ["purl"] = purl };
        return new JsonObject { ["category"] = leaf.Category, ["name"] = leaf.Version, ["product"] = product };
    }
}
