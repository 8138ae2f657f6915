using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>The per-vulnerability profile tests of CSAF 2.0 for csaf_security_advisory and csaf_vex (6.1.27.5–6.1.27.10).</summary>
internal static class CsafProfileRules
{
    public static void Vulnerability(JsonElement v, string path, bool vex, JsonShape shape, Dictionary<string, string[]> groups)
    {
        if (!v.TryGetProperty("notes", out _)) shape.Add(path + ".notes", "required: every vulnerability needs notes (6.1.27.5).");
        if (!v.TryGetProperty("product_status", out var status)) { shape.Add(path + ".product_status", "required (6.1.27.6)."); return; }
        if (!vex) return;
        string[] vexStatuses = ["fixed", "known_affected", "known_not_affected", "under_investigation"];
        if (!vexStatuses.Any(s => status.TryGetProperty(s, out _)))
            shape.Add(path + ".product_status", "a VEX needs fixed, known_affected, known_not_affected or under_investigation (6.1.27.7).");
        if (!v.TryGetProperty("cve", out _) && !v.TryGetProperty("ids", out _))
            shape.Add(path, "a VEX vulnerability needs a cve or ids (6.1.27.8).");
        var impacts = Covered(v, "threats", t => t.TryGetProperty("category", out var c) && c.GetString() == "impact", groups)
            .Concat(Covered(v, "flags", _ => true, groups)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, k) in Statuses(status, "known_not_affected"))
            if (!impacts.Contains(id)) shape.Add($"{path}.product_status.known_not_affected[{k}]", $"'{id}' has no impact statement (a threat of category impact or a flag) (6.1.27.9).");
        var actions = Covered(v, "remediations", _ => true, groups).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, k) in Statuses(status, "known_affected"))
            if (!actions.Contains(id)) shape.Add($"{path}.product_status.known_affected[{k}]", $"'{id}' has no action statement (a remediation) (6.1.27.10).");
    }

    private static IEnumerable<(string Id, int Index)> Statuses(JsonElement status, string name) =>
        status.TryGetProperty(name, out var ids) ? ids.EnumerateArray().Select((id, k) => (id.GetString()!, k)) : [];

    // The products an entry names directly and through its product groups.
    private static IEnumerable<string> Covered(JsonElement v, string list, Func<JsonElement, bool> counts, Dictionary<string, string[]> groups)
    {
        if (!v.TryGetProperty(list, out var entries)) yield break;
        foreach (var entry in entries.EnumerateArray().Where(counts))
        {
            if (entry.TryGetProperty("product_ids", out var ids)) foreach (var id in ids.EnumerateArray()) yield return id.GetString()!;
            if (entry.TryGetProperty("group_ids", out var gids))
                foreach (var gid in gids.EnumerateArray())
                    foreach (var id in groups.GetValueOrDefault(gid.GetString()!, [])) yield return id;
        }
    }
}
