using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Cvss;

namespace Firebreak.Cli.Scan;

/// <summary>
/// `--format sarif`: SARIF 2.1.0 with one run, one rule per advisory and one result per finding, as GitHub code
/// scanning reads it (<c>security-severity</c> sets its severity). VEX-suppressed findings stay in the log
/// with an external, accepted suppression, so they show as dismissed rather than vanish.
/// </summary>
internal static class ScanReportSarif
{
    public static string Write(IReadOnlyList<ScanFinding> findings)
    {
        var advisories = findings.DistinctBy(f => f.AdvisoryId, StringComparer.Ordinal).ToList();
        var rules = new JsonArray([.. advisories.Select(Rule)]);
        var index = advisories.Select((f, i) => (f.AdvisoryId, i)).ToDictionary(x => x.AdvisoryId, x => x.i, StringComparer.Ordinal);
        var results = new JsonArray([.. findings.Select(f => Result(f, index[f.AdvisoryId]))]);
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject { ["name"] = "firebreak", ["rules"] = rules },
                },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Rule(ScanFinding f)
    {
        var properties = new JsonObject { ["tags"] = new JsonArray("security", "dependency") };
        // No score, no security-severity: inventing one from a bare band would be a number nobody computed.
        if (f.Severity.Score is { } score) properties["security-severity"] = score.ToString("0.0", CultureInfo.InvariantCulture);
        var rule = new JsonObject
        {
            ["id"] = f.AdvisoryId,
            ["shortDescription"] = new JsonObject { ["text"] = f.Title.Length > 0 ? f.Title : f.AdvisoryId },
            ["properties"] = properties,
        };
        if (f.HelpUri is { } help) rule["helpUri"] = help;
        return rule;
    }

    private static JsonObject Result(ScanFinding f, int ruleIndex)
    {
        var fix = f.FixedVersion is { } v ? $" Upgrade to {v}." : " No fixed version is known.";
        var via = f.DependencyPath.Count > 1 ? $" Pulled in by {string.Join(" → ", f.DependencyPath)}." : "";
        var result = new JsonObject
        {
            ["ruleId"] = f.AdvisoryId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = f.GateSeverity is CvssSeverity.Critical or CvssSeverity.High ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = $"{f.Component} is affected by {string.Join(" / ", f.Ids)}{(f.Title.Length > 0 ? ": " + f.Title : "")}.{fix}{via}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = ArtifactUri(f.File) } },
            }),
            ["properties"] = new JsonObject
            {
                ["purl"] = f.Component.ToString(),
                ["dependencyPath"] = new JsonArray([.. f.DependencyPath.Select(p => JsonValue.Create(p))]),
            },
        };
        if (f.Suppression is { } s)
            result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "external", ["status"] = "accepted", ["justification"] = $"VEX {s.Vulnerability}: {s.Reason}" });
        return result;
    }

    // SARIF wants a URI: relative paths keep their (forward-slashed, escaped) form so code scanning can map
    // them into the repository; absolute ones become file: URIs.
    private static string ArtifactUri(string file) =>
        Path.IsPathRooted(file) ? new Uri(Path.GetFullPath(file)).AbsoluteUri
        : string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
