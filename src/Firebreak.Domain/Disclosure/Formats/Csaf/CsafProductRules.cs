using System.Text.Json;
using System.Text.RegularExpressions;
using Firebreak.Domain.Packages;
using static Firebreak.Domain.Disclosure.Formats.CsafJsonWalk;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// CSAF 2.0 mandatory tests about products and groups: 6.1.1 (group members and relationship references defined), 6.1.3
/// circular relationships, 6.1.4 and 6.1.5 group ids, 6.1.6 contradicting status, 6.1.13 purl, 6.1.25 hash algorithms,
/// 6.1.29 and 6.1.32 remediations and flags that name no product, 6.1.31 a range in a product_version, 6.1.33 two
/// justification flags for one product.
/// </summary>
internal static partial class CsafProductRules
{
    private static readonly (string Class, string[] Statuses)[] StatusClasses =
    [
        ("affected", ["first_affected", "known_affected", "last_affected"]), ("not affected", ["known_not_affected"]),
        ("fixed", ["first_fixed", "fixed"]), ("under investigation", ["under_investigation"]),
    ];

    private static readonly string[] References = ["product_reference", "relates_to_product_reference"];

    public static void Check(JsonElement root, JsonShape shape, IReadOnlySet<string> defined)
    {
        var tree = Member(root, "product_tree");
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (group, path) in tree is { } t ? Items(t, "product_groups", "$.product_tree") : [])
        {
            if (Text(group, "group_id") is not { } id) continue;
            if (!groups.TryAdd(id, [.. Strings(group, "product_ids", path).Select(p => p.Value)])) shape.Add(path + ".group_id", $"group id '{id}' is defined more than once (6.1.5).");
            foreach (var (member, mp) in Strings(group, "product_ids", path))
                if (!defined.Contains(member)) shape.Add(mp, $"product id '{member}' is not defined in the product_tree (6.1.1).");
        }
        if (tree is { } pt) Relationships(pt, shape, defined);
        foreach (var (v, vp) in Vulnerabilities(root))
        {
            foreach (var list in new[] { "remediations", "threats", "flags" })
                foreach (var (entry, ep) in Items(v, list, vp))
                    foreach (var (gid, gp) in Strings(entry, "group_ids", ep))
                        if (!groups.ContainsKey(gid)) shape.Add(gp, $"group id '{gid}' is not defined in the product_tree's product_groups (6.1.4).");
            Contradictions(v, vp, shape);
            foreach (var (remediation, rp) in Items(v, "remediations", vp))
                if (!NamesProducts(remediation)) shape.Add(rp, "a remediation names no product_ids or group_ids (6.1.29).");
            var flagged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (flag, fp) in Items(v, "flags", vp))
            {
                if (!NamesProducts(flag)) shape.Add(fp, "a flag names no product_ids or group_ids (6.1.32).");
                var ids = Strings(flag, "product_ids", fp).Select(p => p.Value).Concat(Strings(flag, "group_ids", fp).SelectMany(g => groups.GetValueOrDefault(g.Value, [])));
                foreach (var id in ids.Distinct())
                    if (!flagged.TryAdd(id, fp)) shape.Add(fp, $"product '{id}' already has a justification flag at {flagged[id]} (6.1.33).");
            }
        }
        foreach (var (product, path) in Products(root))
        {
            if (Member(product, "product_identification_helper") is not { ValueKind: JsonValueKind.Object } helper) continue;
            if (Text(helper, "purl") is { } purl && !PackageUrl.TryParse(purl, PurlStrictness.Strict, out _, out var why))
                shape.Add(path + ".product_identification_helper.purl", $"'{purl}' is not a valid package URL: {why} (6.1.13).");
            foreach (var (hashes, hp) in Items(helper, "hashes", path + ".product_identification_helper"))
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (hash, fp) in Items(hashes, "file_hashes", hp))
                    if (Text(hash, "algorithm") is { } algorithm && !seen.Add(algorithm)) shape.Add(fp + ".algorithm", $"hash algorithm '{algorithm}' is used twice for one file (6.1.25).");
            }
        }
        foreach (var (branch, path) in Branches(root))
            if (Text(branch, "category") == "product_version" && Text(branch, "name") is { } name && RangeWords().IsMatch(name))
                shape.Add(path + ".name", $"'{name}' reads as a version range; use the category product_version_range (6.1.31).");
    }

    private static void Relationships(JsonElement tree, JsonShape shape, IReadOnlySet<string> defined)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relationship, path) in Items(tree, "relationships", "$.product_tree"))
        {
            var refs = References.Select(m => (Id: Text(relationship, m), Path: $"{path}.{m}")).Where(r => r.Id is not null).ToList();
            foreach (var (id, rp) in refs)
                if (!defined.Contains(id!)) shape.Add(rp, $"product id '{id}' is not defined in the product_tree (6.1.1).");
            if (Member(relationship, "full_product_name") is { } full && Text(full, "product_id") is { } own)
            {
                edges[own] = [.. refs.Select(r => r.Id!)];
                paths[own] = path;
            }
        }
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        foreach (var start in edges.Keys)
            if (Cycle(start, edges, state)) shape.Add(paths[start] + ".full_product_name.product_id", $"product '{start}' is defined through a chain of relationships that leads back to itself (6.1.3).");
    }

    private static bool Cycle(string id, Dictionary<string, List<string>> edges, Dictionary<string, int> state)
    {
        if (state.GetValueOrDefault(id) == 1) return true;
        if (state.GetValueOrDefault(id) == 2 || !edges.TryGetValue(id, out var next)) return false;
        state[id] = 1;
        var found = next.Any(n => Cycle(n, edges, state));
        state[id] = 2;
        return found;
    }

    private static void Contradictions(JsonElement v, string vp, JsonShape shape)
    {
        if (Member(v, "product_status") is not { ValueKind: JsonValueKind.Object } status) return;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cls, statuses) in StatusClasses)
            foreach (var name in statuses)
                foreach (var (id, path) in Strings(status, name, vp + ".product_status"))
                    if (seen.TryGetValue(id, out var other) && other != cls) shape.Add(path, $"product '{id}' is both {other} and {cls} (6.1.6).");
                    else seen[id] = cls;
    }

    [GeneratedRegex(@"[<>]|\b(after|all|before|earlier|later|prior|versions)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex RangeWords();
}
