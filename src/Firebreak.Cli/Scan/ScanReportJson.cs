using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Vex;

namespace Firebreak.Cli.Scan;

/// <summary>`--format json`: <c>{"findings": [...]}</c>, one object per finding; suppressed ones carry <c>suppression</c>.</summary>
internal static class ScanReportJson
{
    public static string Write(IReadOnlyList<ScanFinding> findings)
    {
        var list = new JsonArray();
        foreach (var f in findings)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["file"] = f.File,
                ["purl"] = f.Component.ToString(),
                ["name"] = f.Component.Name,
                ["version"] = f.Component.Version,
                ["database"] = f.Database == AdvisoryDatabase.RustSec ? "rustsec" : "osv",
                ["advisory"] = f.AdvisoryId,
                ["aliases"] = new JsonArray([.. f.Aliases.Select(a => JsonValue.Create(a))]),
                ["title"] = f.Title,
                ["severity"] = f.Severity.Level?.ToString().ToLowerInvariant(),
                ["cvssScore"] = f.Severity.Score,
                ["cvss"] = f.Severity.Vector,
                ["fixedVersion"] = f.FixedVersion,
                ["helpUri"] = f.HelpUri,
                ["kev"] = f.Kev is { } k ? new JsonObject
                {
                    ["cve"] = k.CveId,
                    ["dateAdded"] = k.DateAdded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["dueDate"] = k.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["ransomware"] = k.KnownRansomwareCampaignUse,
                } : null,
                ["path"] = new JsonArray([.. f.DependencyPath.Select(p => JsonValue.Create(p))]),
                ["suppression"] = f.Suppression is { } s ? new JsonObject
                {
                    ["vulnerability"] = s.Vulnerability,
                    ["status"] = VexTerms.ToText(s.Status),
                    ["justification"] = s.Justification is { } j ? VexTerms.ToText(j) : null,
                    ["impactStatement"] = s.ImpactStatement,
                } : null,
                ["ignored"] = f.Ignored is { } i ? new JsonObject
                {
                    ["id"] = i.Id,
                    ["until"] = i.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["reason"] = i.Reason,
                } : null,
            });
        }
        return new JsonObject { ["findings"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
