using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>Walks a CSAF product tree: every product definition with its JSON path and the branches above it.</summary>
internal static class CsafTree
{
    /// <summary>Branch leaves, then full_product_names, then relationships' full_product_name.</summary>
    public static IEnumerable<(JsonElement Product, string Path)> Products(JsonElement tree) =>
        Leaves(tree).Select(l => (l.Product, l.Path));

    /// <summary>Each definition with its ancestors' (category, name) pairs, outermost first; empty for names outside the branches.</summary>
    public static IEnumerable<(JsonElement Product, string Path, IReadOnlyList<(string Category, string Name)> Ancestors)> Leaves(JsonElement tree)
    {
        if (tree.TryGetProperty("branches", out var branches))
            foreach (var leaf in Walk(branches, "$.product_tree.branches", [])) yield return leaf;
        if (tree.TryGetProperty("full_product_names", out var names))
        {
            var i = 0;
            foreach (var name in names.EnumerateArray()) yield return (name, $"$.product_tree.full_product_names[{i++}]", []);
        }
        if (tree.TryGetProperty("relationships", out var relationships))
        {
            var i = 0;
            foreach (var relationship in relationships.EnumerateArray())
                if (relationship.TryGetProperty("full_product_name", out var name)) yield return (name, $"$.product_tree.relationships[{i++}].full_product_name", []);
        }
    }

    private static IEnumerable<(JsonElement, string, IReadOnlyList<(string, string)>)> Walk(JsonElement branches, string path, IReadOnlyList<(string, string)> above)
    {
        var i = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var here = $"{path}[{i++}]";
            IReadOnlyList<(string, string)> chain = [.. above, (branch.GetProperty("category").GetString()!, branch.GetProperty("name").GetString()!)];
            if (branch.TryGetProperty("product", out var product)) yield return (product, here + ".product", chain);
            if (branch.TryGetProperty("branches", out var children))
                foreach (var leaf in Walk(children, here + ".branches", chain)) yield return leaf;
        }
    }
}
