using System.Text.Json;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>
/// The product names and versions of a CSAF example, read by a walk of its own so the importer is checked against
/// the mapping rule rather than against itself: product = innermost product_name branch, version = innermost
/// version-like branch, each falling back to the product's full name.
/// </summary>
public sealed record CsafExampleProducts(string Name, string Version)
{
    private static readonly string[] VersionCategories = ["product_version", "product_version_range", "service_pack", "patch_level"];

    public static Dictionary<string, CsafExampleProducts> ById(JsonElement root)
    {
        var found = new Dictionary<string, CsafExampleProducts>(StringComparer.Ordinal);
        if (!root.TryGetProperty("product_tree", out var tree)) return found;
        if (tree.TryGetProperty("branches", out var branches)) Walk(branches, null, null, found);
        foreach (var relationship in tree.TryGetProperty("relationships", out var r) ? r.EnumerateArray() : default)
        {
            var product = relationship.GetProperty("full_product_name");
            var name = product.GetProperty("name").GetString()!;
            found[product.GetProperty("product_id").GetString()!] = new(name, name);
        }
        return found;
    }

    /// <summary>True when the entry is for this product's name and holds its version (or its vers range).</summary>
    internal bool Matches(AdvisoryPackage package, IReadOnlyList<string> versions, IReadOnlyList<AffectedRange> ranges) =>
        package.Name == Name && (versions.Contains(Version) || ranges.Any(r => Constraints(CsafProductTree.Vers(r, null)) == Constraints(Version)));

    private static string Constraints(string vers) => vers[(vers.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static void Walk(JsonElement branches, string? name, string? version, Dictionary<string, CsafExampleProducts> found)
    {
        foreach (var branch in branches.EnumerateArray())
        {
            var category = branch.GetProperty("category").GetString();
            var here = branch.GetProperty("name").GetString();
            var (n, v) = (category == "product_name" ? here : name, VersionCategories.Contains(category) ? here : version);
            if (branch.TryGetProperty("product", out var product))
            {
                var full = product.GetProperty("name").GetString()!;
                found[product.GetProperty("product_id").GetString()!] = new(n ?? full, v ?? full);
            }
            if (branch.TryGetProperty("branches", out var children)) Walk(children, n, v, found);
        }
    }
}
