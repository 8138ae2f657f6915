using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>Small readers over a CSAF document for the tests of section 6: members that may be missing or of the wrong kind read as empty.</summary>
internal static class CsafJsonWalk
{
    public static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) yield break;
        var i = 0;
        foreach (var item in array.EnumerateArray()) yield return (item, $"{path}.{name}[{i++}]");
    }

    public static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonElement? Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) ? v : null;

    public static IEnumerable<(string Value, string Path)> Strings(JsonElement parent, string name, string path) =>
        Items(parent, name, path).Where(x => x.Item.ValueKind == JsonValueKind.String).Select(x => (x.Item.GetString()!, x.Path));

    /// <summary>Every vulnerability with its path.</summary>
    public static IEnumerable<(JsonElement V, string Path)> Vulnerabilities(JsonElement root) => Items(root, "vulnerabilities", "$");

    /// <summary>Every branch of the product tree, depth first, with its path.</summary>
    public static IEnumerable<(JsonElement Branch, string Path)> Branches(JsonElement root)
    {
        if (Member(root, "product_tree") is not { } tree) yield break;
        var stack = new Stack<(JsonElement, string)>(Items(tree, "branches", "$.product_tree").Reverse());
        while (stack.Count > 0)
        {
            var (branch, path) = stack.Pop();
            yield return (branch, path);
            foreach (var child in Items(branch, "branches", path).Reverse()) stack.Push(child);
        }
    }

    /// <summary>Every full product name (branch products, full_product_names, relationships' full_product_name) with its path.</summary>
    public static IEnumerable<(JsonElement Product, string Path)> Products(JsonElement root)
    {
        foreach (var (branch, path) in Branches(root))
            if (Member(branch, "product") is { ValueKind: JsonValueKind.Object } p) yield return (p, path + ".product");
        if (Member(root, "product_tree") is not { } tree) yield break;
        foreach (var item in Items(tree, "full_product_names", "$.product_tree")) yield return item;
        foreach (var (relationship, path) in Items(tree, "relationships", "$.product_tree"))
            if (Member(relationship, "full_product_name") is { ValueKind: JsonValueKind.Object } p) yield return (p, path + ".full_product_name");
    }

    /// <summary>The product_ids and group_ids an entry names (a remediation, threat, flag or score's products).</summary>
    public static bool NamesProducts(JsonElement entry, string productsMember = "product_ids") =>
        Items(entry, productsMember, "").Any() || Items(entry, "group_ids", "").Any();
}
