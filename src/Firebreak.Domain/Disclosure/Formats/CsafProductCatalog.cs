using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// The product tree of an imported CSAF document: every product id (branch leaves, full_product_names,
/// relationships) resolved to a <see cref="CsafProduct"/>, and the product groups, for expanding group_ids.
/// </summary>
internal sealed class CsafProductCatalog
{
    private static readonly string[] VersionCategories = ["product_version", "product_version_range", "service_pack", "patch_level"];

    private readonly Dictionary<string, CsafProduct> products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> groups = new(StringComparer.Ordinal);

    public static CsafProductCatalog Read(JsonElement root, string defaultVendor)
    {
        var catalog = new CsafProductCatalog();
        if (CsafJson.Object(root, "product_tree", "$") is not { } tree) return catalog;
        foreach (var (product, path, ancestors) in CsafTree.Leaves(tree))
        {
            var id = CsafJson.String(product, "product_id", path) ?? throw new CsafFormatException(path + ".product_id", "required.");
            var fullName = ImportedText.Line(CsafJson.String(product, "name", path), 2048) ?? throw new CsafFormatException(path + ".name", "required.");
            catalog.products.TryAdd(id, Resolve(ancestors, fullName, defaultVendor));
        }
        foreach (var (group, path) in CsafJson.Array(tree, "product_groups", "$.product_tree"))
            if (CsafJson.String(group, "group_id", path) is { } groupId) catalog.groups.TryAdd(groupId, CsafJson.Strings(group, "product_ids", path));
        return catalog;
    }

    /// <summary>The product an id names; an undefined id breaks CSAF's rule 6.1.1.</summary>
    public CsafProduct Resolve(string id, string path) =>
        products.TryGetValue(id, out var product) ? product : throw new CsafFormatException(path, $"product id '{id}' is not defined in the product_tree (6.1.1).");

    /// <summary>The product ids a remediation, threat, flag or score names: its product_ids and the members of its group_ids.</summary>
    public IReadOnlySet<string> Expand(JsonElement holder, string path, string member = "product_ids")
    {
        var ids = new HashSet<string>(CsafJson.Strings(holder, member, path), StringComparer.Ordinal);
        foreach (var group in CsafJson.Strings(holder, "group_ids", path))
            if (groups.TryGetValue(group, out var members)) ids.UnionWith(members);
        return ids;
    }

    private static CsafProduct Resolve(IReadOnlyList<(string Category, string Name)> ancestors, string fullName, string defaultVendor)
    {
        string? vendor = null, name = null, version = null, versionCategory = null;
        foreach (var (category, branchName) in ancestors)
        {
            if (category == "vendor") vendor = branchName;
            else if (category == "product_name") name = branchName;
            else if (VersionCategories.Contains(category)) (version, versionCategory) = (branchName, category);
        }
        var versionText = ImportedText.Line(version, 1024) ?? ImportedText.Line(fullName, 1024)!;
        var range = versionCategory == "product_version_range" ? CsafVersRange.Read(versionText) : null;
        return new CsafProduct(ImportedText.Line(vendor, 512) ?? defaultVendor, ImportedText.Line(name, 2048) ?? fullName, versionText, range);
    }
}
