using System.Globalization;
using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0's tests of section 6 that no JSON schema can express, each finding naming its test and JSON path. Here:
/// product ids defined (6.1.1) and unique (6.1.2), revision history sorted (6.1.14) and ending at tracking.version
/// (6.1.16), and the profile tests (6.1.27.x); the other mandatory tests are in <see cref="CsafProductRules"/>,
/// <see cref="CsafCvssRules"/>, <see cref="CsafDocumentRules"/> and <see cref="CsafRevisionRules"/>; the optional and
/// informative ones, as warnings, in <see cref="CsafOptionalTests"/>.
/// </summary>
internal static class CsafRules
{
    public static void Check(JsonElement root, JsonShape shape, bool profileTests = true)
    {
        var defined = DefinedProducts(root, shape);
        var groups = Groups(root);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, path) in References(root))
        {
            referenced.Add(id);
            if (!defined.Contains(id) && !groups.ContainsKey(id)) shape.Add(path, $"product id '{id}' is not defined in the product_tree (6.1.1).");
        }
        Revisions(root.GetProperty("document"), shape);
        if (!profileTests) return;
        CsafProductRules.Check(root, shape, defined);
        CsafCvssRules.Check(root, shape);
        CsafDocumentRules.Check(root, shape);
        CsafRevisionRules.Check(root, shape);
        Profile(root, shape, groups);
        foreach (var group in groups.Values) referenced.UnionWith(group);
        if (root.TryGetProperty("product_tree", out var tree) && tree.TryGetProperty("relationships", out var relationships) && relationships.ValueKind == JsonValueKind.Array)
            foreach (var r in relationships.EnumerateArray())
                foreach (var member in new[] { "product_reference", "relates_to_product_reference" })
                    if (r.TryGetProperty(member, out var id) && id.ValueKind == JsonValueKind.String) referenced.Add(id.GetString()!);
        CsafOptionalTests.Check(root, shape, referenced);
    }

    private static HashSet<string> DefinedProducts(JsonElement root, JsonShape shape)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, path) in Definitions(root))
            if (!seen.Add(id)) shape.Add(path, $"product id '{id}' is defined more than once (6.1.2).");
        return seen;
    }

    /// <summary>Every product definition: branch leaves, full_product_names and relationships.</summary>
    internal static IEnumerable<(string Id, string Path)> Definitions(JsonElement root)
    {
        if (!root.TryGetProperty("product_tree", out var tree)) yield break;
        foreach (var (product, path) in CsafTree.Products(tree)) yield return (product.GetProperty("product_id").GetString()!, path + ".product_id");
    }

    private static Dictionary<string, string[]> Groups(JsonElement root) =>
        root.TryGetProperty("product_tree", out var tree) && tree.TryGetProperty("product_groups", out var groups)
            ? groups.EnumerateArray().DistinctBy(g => g.GetProperty("group_id").GetString()!) // a repeated id is 6.1.5's finding
                .ToDictionary(g => g.GetProperty("group_id").GetString()!, g => g.GetProperty("product_ids").EnumerateArray().Select(p => p.GetString()!).ToArray(), StringComparer.Ordinal)
            : [];

    private static IEnumerable<(string Id, string Path)> References(JsonElement root)
    {
        if (!root.TryGetProperty("vulnerabilities", out var vulnerabilities)) yield break;
        var i = 0;
        foreach (var v in vulnerabilities.EnumerateArray())
        {
            var path = $"$.vulnerabilities[{i++}]";
            if (v.TryGetProperty("product_status", out var status))
                foreach (var member in status.EnumerateObject())
                    foreach (var item in Ids(member.Value, $"{path}.product_status.{member.Name}")) yield return item;
            foreach (var (list, key) in new[] { ("scores", "products"), ("remediations", "product_ids"), ("threats", "product_ids"), ("flags", "product_ids") })
            {
                if (!v.TryGetProperty(list, out var entries)) continue;
                var j = 0;
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.TryGetProperty(key, out var ids)) foreach (var item in Ids(ids, $"{path}.{list}[{j}].{key}")) yield return item;
                    j++;
                }
            }
        }
    }

    private static IEnumerable<(string, string)> Ids(JsonElement array, string path) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select((id, k) => (id.GetString() ?? "", $"{path}[{k}]")) : [];

    private static void Revisions(JsonElement document, JsonShape shape)
    {
        var tracking = document.GetProperty("tracking");
        var history = tracking.GetProperty("revision_history").EnumerateArray()
            .Select(r => (Number: r.GetProperty("number").GetString()!, Date: DateTimeOffset.Parse(r.GetProperty("date").GetString()!, CultureInfo.InvariantCulture))).ToList();
        var byDate = history.OrderBy(r => r.Date).ToList();
        for (var i = 1; i < byDate.Count; i++)
            if (CompareVersions(byDate[i - 1].Number, byDate[i].Number) > 0)
                shape.Add("$.document.tracking.revision_history", $"revision {byDate[i].Number} is dated after {byDate[i - 1].Number}; numbers must ascend with dates (6.1.14).");
        var latest = history.Select(r => r.Number).Aggregate((a, b) => CompareVersions(a, b) >= 0 ? a : b);
        var version = tracking.GetProperty("version").GetString()!;
        if (latest.Split('+')[0] != version.Split('+')[0])
            shape.Add("$.document.tracking.version", $"'{version}' differs from the latest revision number '{latest}' (6.1.16).");
    }

    /// <summary>Orders integer and semantic-version revision numbers by their numeric parts; a pre-release sorts first.</summary>
    internal static int CompareVersions(string a, string b)
    {
        static (long[] Parts, bool Pre) Key(string v)
        {
            var core = v.Split('+')[0];
            var pre = core.Contains('-', StringComparison.Ordinal);
            return ([.. core.Split('-')[0].Split('.').Select(p => long.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : 0)], pre);
        }
        var (x, xp) = Key(a);
        var (y, yp) = Key(b);
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var c = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
            if (c != 0) return c;
        }
        return yp.CompareTo(xp);
    }

    private static void Profile(JsonElement root, JsonShape shape, Dictionary<string, string[]> groups)
    {
        var document = root.GetProperty("document");
        var category = document.GetProperty("category").GetString();
        if (category is "csaf_informational_advisory" or "csaf_security_incident_response")
        {
            if (!CsafJsonWalk.Items(document, "notes", "$.document").Any(n => CsafJsonWalk.Text(n.Item, "category") is "description" or "details" or "general" or "summary"))
                shape.Add("$.document.notes", $"{category} needs a note of category description, details, general or summary (6.1.27.1).");
            if (!CsafJsonWalk.Items(document, "references", "$.document").Any(r => CsafJsonWalk.Text(r.Item, "category") == "external"))
                shape.Add("$.document.references", $"{category} needs a reference of category external (6.1.27.2).");
        }
        if (category is not ("csaf_security_advisory" or "csaf_vex"))
        {
            if (category == "csaf_informational_advisory" && root.TryGetProperty("vulnerabilities", out _))
                shape.Add("$.vulnerabilities", "an informational advisory must not list vulnerabilities (6.1.27.3).");
            return;
        }
        if (!root.TryGetProperty("product_tree", out _)) shape.Add("$.product_tree", $"required for {category} (6.1.27.4).");
        if (!root.TryGetProperty("vulnerabilities", out var vulnerabilities)) { shape.Add("$.vulnerabilities", $"required for {category} (6.1.27.11)."); return; }
        var i = 0;
        foreach (var v in vulnerabilities.EnumerateArray()) CsafProfileRules.Vulnerability(v, $"$.vulnerabilities[{i++}]", category == "csaf_vex", shape, groups);
    }
}
