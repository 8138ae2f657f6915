using System.Text.Json;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Schema-free checks of CVE JSON 5.1: a full record (metadata and the CNA container) or a CNA container alone,
/// with the CNA rules' minimum: provider UUID, an English description, products with versions or a default
/// status, and a reference.
/// </summary>
public static partial class CveValidator
{
    /// <summary>Every problem found.</summary>
    public static IReadOnlyList<AdvisoryIssue> Validate(JsonElement root)
    {
        var shape = new JsonShape();
        if (root.TryGetProperty("cveMetadata", out _) || root.TryGetProperty("dataType", out _))
        {
            shape.String(root, "dataType", "$", allowed: ["CVE_RECORD"]);
            shape.String(root, "dataVersion", "$", allowed: ["5.0", "5.1", "5.1.0", "5.1.1", "5.2", "5.2.0"]);
            if (shape.Object(root, "cveMetadata", "$") is { } metadata)
            {
                shape.String(metadata, "cveId", "$.cveMetadata", pattern: CvePattern());
                shape.String(metadata, "assignerOrgId", "$.cveMetadata", pattern: UuidPattern());
                shape.String(metadata, "state", "$.cveMetadata", allowed: ["PUBLISHED", "REJECTED"]);
            }
            if (shape.Object(root, "containers", "$") is { } containers && shape.Object(containers, "cna", "$.containers") is { } cna)
                Container(shape, cna, "$.containers.cna", rejected: root.TryGetProperty("cveMetadata", out var m) && m.TryGetProperty("state", out var s) && s.GetString() == "REJECTED");
            return shape.Issues;
        }
        if (root.TryGetProperty("cnaContainer", out var container)) Container(shape, container, "$.cnaContainer", rejected: false);
        else Container(shape, root, "$", rejected: false);
        return shape.Issues;
    }

    private static void Container(JsonShape shape, JsonElement cna, string path, bool rejected)
    {
        if (shape.Object(cna, "providerMetadata", path) is { } provider) shape.String(provider, "orgId", path + ".providerMetadata", pattern: UuidPattern());
        if (rejected) return;
        var descriptions = shape.Array(cna, "descriptions", path, required: true, minItems: 1);
        foreach (var (description, dp) in descriptions)
        {
            shape.String(description, "lang", dp);
            shape.String(description, "value", dp);
        }
        if (descriptions.Count > 0 && !descriptions.Any(d => d.Item.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String && l.GetString()!.StartsWith("en", StringComparison.OrdinalIgnoreCase)))
            shape.Add(path + ".descriptions", "needs an English description (lang en).");
        foreach (var (product, pp) in shape.Array(cna, "affected", path, required: true, minItems: 1))
        {
            var named = (product.TryGetProperty("vendor", out _) && product.TryGetProperty("product", out _))
                || (product.TryGetProperty("collectionURL", out _) && product.TryGetProperty("packageName", out _));
            if (!named) shape.Add(pp, "needs vendor and product, or collectionURL and packageName.");
            shape.String(product, "defaultStatus", pp, required: false, allowed: ["affected", "unaffected", "unknown"]);
            var versions = shape.Array(product, "versions", pp, minItems: 1);
            if (versions.Count == 0 && !product.TryGetProperty("defaultStatus", out _)) shape.Add(pp, "needs versions or a defaultStatus.");
            foreach (var (version, vp) in versions)
            {
                shape.String(version, "version", vp);
                shape.String(version, "status", vp, allowed: ["affected", "unaffected", "unknown"]);
                if ((version.TryGetProperty("lessThan", out _) || version.TryGetProperty("lessThanOrEqual", out _)) && !version.TryGetProperty("versionType", out _))
                    shape.Add(vp + ".versionType", "required for a range (lessThan or lessThanOrEqual).");
            }
        }
        foreach (var (reference, rp) in shape.Array(cna, "references", path, required: true, minItems: 1)) shape.Uri(reference, "url", rp);
        foreach (var (problem, pp) in shape.Array(cna, "problemTypes", path))
            foreach (var (d, dp) in shape.Array(problem, "descriptions", pp, required: true, minItems: 1))
                shape.String(d, "cweId", dp, required: false, pattern: CwePattern());
    }

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,19}$")]
    private static partial Regex CvePattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^CWE-[1-9][0-9]*$")]
    private static partial Regex CwePattern();
}
