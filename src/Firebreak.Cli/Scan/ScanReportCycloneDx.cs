using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Vex;

namespace Firebreak.Cli.Scan;

/// <summary>
/// `--format cyclonedx-vex`: a CycloneDX 1.6 JSON BOM whose <c>vulnerabilities[]</c> record each finding
/// against a <c>components[]</c> entry (bom-ref = purl). Findings still counted are <c>exploitable</c>;
/// VEX not_affected ones are <c>not_affected</c> with the justification mapped, VEX fixed ones <c>resolved</c>.
/// </summary>
internal static class ScanReportCycloneDx
{
    public static string Write(IReadOnlyList<ScanFinding> findings, DateTimeOffset now)
    {
        // One entry per (advisory, component): the same crate found in two lockfiles is one vulnerability.
        var unique = findings.DistinctBy(f => (f.AdvisoryId, Purl: f.Component.ToString())).ToList();
        var components = unique.Select(f => f.Component).DistinctBy(p => p.ToString()).Select(p =>
        {
            var component = new JsonObject { ["type"] = "library", ["bom-ref"] = p.ToString(), ["name"] = p.Name };
            if (p.Namespace is { } ns) component["group"] = ns;
            if (p.Version is { } version) component["version"] = version;
            component["purl"] = p.ToString();
            return (JsonNode)component;
        });
        var bom = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = $"urn:uuid:{Guid.NewGuid()}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["tools"] = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "firebreak" }) },
            },
            ["components"] = new JsonArray([.. components]),
            ["vulnerabilities"] = new JsonArray([.. unique.Select(Vulnerability)]),
        };
        return bom.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Vulnerability(ScanFinding f)
    {
        var vulnerability = new JsonObject
        {
            ["id"] = f.AdvisoryId,
            ["source"] = Source(f.Database, f.AdvisoryId, f.HelpUri),
        };
        if (f.Aliases.Count > 0)
            vulnerability["references"] = new JsonArray([.. f.Aliases.Distinct(StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject { ["id"] = a, ["source"] = AliasSource(a) })]);
        if (Rating(f) is { } rating) vulnerability["ratings"] = new JsonArray(rating);
        if (f.Title.Length > 0) vulnerability["description"] = f.Title;
        if (f.FixedVersion is { } fix) vulnerability["recommendation"] = $"Upgrade {f.Component.Name} to {fix} or later.";
        vulnerability["affects"] = new JsonArray(new JsonObject { ["ref"] = f.Component.ToString() });
        vulnerability["analysis"] = Analysis(f);
        return vulnerability;
    }

    private static JsonObject Analysis(ScanFinding f)
    {
        if (f.Suppression is not { } s) return new JsonObject { ["state"] = "exploitable" };
        var analysis = new JsonObject { ["state"] = s.Status == VexStatus.Fixed ? "resolved" : "not_affected" };
        if (s.Justification is { } j) analysis["justification"] = Justification(j);
        analysis["detail"] = $"OpenVEX {VexTerms.ToText(s.Status)} for {s.Vulnerability}: {s.Reason}";
        return analysis;
    }

    // OpenVEX (CISA) justifications onto CycloneDX's impact-analysis vocabulary; the exact OpenVEX word is kept in "detail".
    public static string Justification(VexJustification justification) => justification switch
    {
        VexJustification.ComponentNotPresent => "code_not_present",
        VexJustification.VulnerableCodeNotPresent => "code_not_present",
        VexJustification.VulnerableCodeNotInExecutePath => "code_not_reachable",
        VexJustification.VulnerableCodeCannotBeControlledByAdversary => "requires_environment",
        VexJustification.InlineMitigationsAlreadyExist => "protected_by_mitigating_control",
    };

    private static JsonObject? Rating(ScanFinding f)
    {
        if (f.Severity.Level is not { } level) return null;
        var rating = new JsonObject { ["source"] = Source(f.Database, f.AdvisoryId, f.HelpUri) };
        if (f.Severity.Score is { } score) rating["score"] = score;
        rating["severity"] = level.ToString().ToLowerInvariant();
        if (f.Severity.Version is { } version) rating["method"] = version switch { CvssVersion.V30 => "CVSSv3", CvssVersion.V31 => "CVSSv31", CvssVersion.V40 => "CVSSv4" };
        if (f.Severity.Vector is { } vector) rating["vector"] = vector;
        return rating;
    }

    private static JsonObject Source(AdvisoryDatabase database, string id, string? help) => database switch
    {
        AdvisoryDatabase.RustSec => new JsonObject { ["name"] = "RustSec", ["url"] = help ?? $"https://rustsec.org/advisories/{id}.html" },
        AdvisoryDatabase.Osv => new JsonObject { ["name"] = "OSV", ["url"] = $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}" },
    };

    private static JsonObject AliasSource(string alias) => alias switch
    {
        _ when CveId.TryParse(alias, out _) => new JsonObject { ["name"] = "NVD", ["url"] = $"https://nvd.nist.gov/vuln/detail/{alias}" },
        _ when GhsaId.TryParse(alias, out _) => new JsonObject { ["name"] = "GitHub", ["url"] = $"https://github.com/advisories/{alias}" },
        _ => new JsonObject { ["name"] = "OSV", ["url"] = $"https://osv.dev/vulnerability/{Uri.EscapeDataString(alias)}" },
    };
}
