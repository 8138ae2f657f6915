using System.Text.Json;
using System.Text.RegularExpressions;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>Schema-free checks of an OSV 1.6 record, written from the specification: ids, timestamps, packages, ranges, severity.</summary>
public static partial class OsvValidator
{
    /// <summary>Every problem found.</summary>
    public static IReadOnlyList<AdvisoryIssue> Validate(JsonElement root)
    {
        var shape = new JsonShape();
        shape.String(root, "id", "$", pattern: IdPattern());
        foreach (var field in new[] { "modified", "published", "withdrawn" })
            if (shape.String(root, field, "$", required: field == "modified") is { } text && !TimestampPattern().IsMatch(text))
                shape.Add("$." + field, $"'{text}' is not an RFC 3339 UTC timestamp ending in Z.");
        shape.Strings(root, "aliases", "$");
        foreach (var (severity, path) in shape.Array(root, "severity", "$")) Severity(shape, severity, path);
        foreach (var (affected, path) in shape.Array(root, "affected", "$"))
        {
            if (shape.Object(affected, "package", path, required: false) is { } package)
            {
                if (shape.String(package, "ecosystem", path + ".package") is { } ecosystem && !EcosystemNames.TryFromOsvName(ecosystem, out _) && !ecosystem.Contains(':', StringComparison.Ordinal))
                    shape.Add(path + ".package.ecosystem", $"'{ecosystem}' is not an ecosystem Firebreak knows (checked: {string.Join(", ", Enum.GetValues<Ecosystem>().Select(e => e.ToOsvName()))}).");
                shape.String(package, "name", path + ".package");
            }
            foreach (var (range, rp) in shape.Array(affected, "ranges", path))
            {
                shape.String(range, "type", rp, allowed: ["GIT", "SEMVER", "ECOSYSTEM"]);
                var events = shape.Array(range, "events", rp, required: true, minItems: 1);
                var kinds = events.SelectMany(e => e.Item.ValueKind == JsonValueKind.Object ? e.Item.EnumerateObject().Select(p => p.Name) : []).ToList();
                if (!kinds.Contains("introduced")) shape.Add(rp + ".events", "needs an introduced event.");
                if (kinds.Contains("fixed") && kinds.Contains("last_affected")) shape.Add(rp + ".events", "fixed and last_affected events are mutually exclusive.");
            }
            foreach (var (severity, sp) in shape.Array(affected, "severity", path)) Severity(shape, severity, sp);
        }
        foreach (var (reference, path) in shape.Array(root, "references", "$"))
        {
            shape.String(reference, "type", path, allowed: ["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB"]);
            shape.Uri(reference, "url", path);
        }
        foreach (var (credit, path) in shape.Array(root, "credits", "$"))
        {
            shape.String(credit, "name", path);
            shape.String(credit, "type", path, required: false, allowed: ["FINDER", "REPORTER", "ANALYST", "COORDINATOR", "REMEDIATION_DEVELOPER",
                "REMEDIATION_REVIEWER", "REMEDIATION_VERIFIER", "TOOL", "SPONSOR", "OTHER"]);
        }
        return shape.Issues;
    }

    private static void Severity(JsonShape shape, JsonElement severity, string path)
    {
        var type = shape.String(severity, "type", path, allowed: ["CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu"]);
        if (shape.String(severity, "score", path) is { } score && type is "CVSS_V3" or "CVSS_V4" && !CvssScorer.Score(score).IsValid)
            shape.Add(path + ".score", $"'{score}' is not a valid CVSS vector.");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9\-]*-[A-Za-z0-9\-_.:]+$|^x_")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$")]
    private static partial Regex TimestampPattern();
}
