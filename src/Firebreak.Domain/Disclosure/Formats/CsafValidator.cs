using System.Text.Json;
using System.Text.RegularExpressions;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Checks a CSAF 2.0 document offline: the required members, types, patterns and enumerations of the JSON
/// schema that matter, then the mandatory rules a schema cannot express (see <see cref="CsafRules"/>).
/// </summary>
public static partial class CsafValidator
{
    internal static readonly string[] BranchCategories = ["architecture", "host_name", "language", "legacy", "patch_level", "product_family",
        "product_name", "product_version", "product_version_range", "service_pack", "specification", "vendor"];

    internal static readonly string[] StatusNames = ["first_affected", "first_fixed", "fixed", "known_affected", "known_not_affected",
        "last_affected", "recommended", "under_investigation"];

    /// <summary>Every problem found, in document order; empty when the document is valid.</summary>
    public static IReadOnlyList<AdvisoryIssue> Validate(JsonElement root) => Validate(root, profileTests: true);

    /// <summary>As <see cref="Validate(JsonElement)"/>; without the profile tests (6.1.27.x) for readers, which need the structure only.</summary>
    internal static IReadOnlyList<AdvisoryIssue> Validate(JsonElement root, bool profileTests)
    {
        var shape = new JsonShape();
        if (root.ValueKind != JsonValueKind.Object)
        {
            shape.Add("$", "expected a CSAF document (an object).");
            return shape.Issues;
        }
        if (shape.Object(root, "document", "$") is { } document) Document(shape, document);
        if (shape.Object(root, "product_tree", "$", required: false) is { } tree)
            foreach (var (branch, path) in shape.Array(tree, "branches", "$.product_tree", minItems: 1)) Branch(shape, branch, path);
        foreach (var (vulnerability, path) in shape.Array(root, "vulnerabilities", "$", minItems: 1)) Vulnerability(shape, vulnerability, path);
        if (shape.Issues.Count == 0) CsafRules.Check(root, shape, profileTests);
        return shape.Issues;
    }

    private static void Document(JsonShape shape, JsonElement document)
    {
        const string path = "$.document";
        shape.String(document, "category", path, pattern: CategoryPattern());
        shape.String(document, "csaf_version", path, allowed: ["2.0"]);
        shape.String(document, "title", path);
        if (shape.Object(document, "publisher", path) is { } publisher)
        {
            shape.String(publisher, "category", path + ".publisher", allowed: ["coordinator", "discoverer", "other", "translator", "user", "vendor"]);
            shape.String(publisher, "name", path + ".publisher");
            shape.Uri(publisher, "namespace", path + ".publisher");
        }
        if (shape.Object(document, "tracking", path) is not { } tracking) return;
        const string t = path + ".tracking";
        shape.String(tracking, "id", t, pattern: TrimmedPattern());
        shape.String(tracking, "status", t, allowed: ["draft", "final", "interim"]);
        shape.String(tracking, "version", t, pattern: VersionPattern());
        shape.Timestamp(tracking, "initial_release_date", t);
        shape.Timestamp(tracking, "current_release_date", t);
        foreach (var (revision, rp) in shape.Array(tracking, "revision_history", t, required: true, minItems: 1))
        {
            shape.Timestamp(revision, "date", rp);
            shape.String(revision, "number", rp, pattern: VersionPattern());
            shape.String(revision, "summary", rp);
        }
    }

    private static void Branch(JsonShape shape, JsonElement branch, string path)
    {
        shape.String(branch, "category", path, allowed: BranchCategories);
        shape.String(branch, "name", path);
        var product = shape.Object(branch, "product", path, required: false);
        if (product is { } p) FullProductName(shape, p, path + ".product");
        var children = shape.Array(branch, "branches", path, minItems: 1);
        if (product is null && children.Count == 0) shape.Add(path, "a branch needs a product or further branches.");
        foreach (var (child, childPath) in children) Branch(shape, child, childPath);
    }

    internal static void FullProductName(JsonShape shape, JsonElement product, string path)
    {
        shape.String(product, "name", path);
        shape.String(product, "product_id", path, pattern: TrimmedPattern());
    }

    private static void Vulnerability(JsonShape shape, JsonElement vulnerability, string path)
    {
        shape.String(vulnerability, "cve", path, required: false, pattern: CvePattern());
        if (shape.Object(vulnerability, "cwe", path, required: false) is { } cwe)
        {
            shape.String(cwe, "id", path + ".cwe", pattern: CwePattern());
            shape.String(cwe, "name", path + ".cwe");
        }
        if (shape.Object(vulnerability, "product_status", path, required: false) is { } status)
            foreach (var member in status.EnumerateObject())
            {
                if (!StatusNames.Contains(member.Name)) shape.Add($"{path}.product_status.{member.Name}", "is not a product status.");
                else shape.Strings(status, member.Name, path + ".product_status", minItems: 1);
            }
        foreach (var (score, sp) in shape.Array(vulnerability, "scores", path, minItems: 1))
        {
            shape.Strings(score, "products", sp, required: true, minItems: 1);
            if (shape.Object(score, "cvss_v3", sp, required: false) is { } v3) Cvss3(shape, v3, sp + ".cvss_v3");
        }
        foreach (var (remediation, rp) in shape.Array(vulnerability, "remediations", path, minItems: 1))
        {
            shape.String(remediation, "category", rp, allowed: ["mitigation", "no_fix_planned", "none_available", "vendor_fix", "workaround"]);
            shape.String(remediation, "details", rp);
        }
        foreach (var (threat, tp) in shape.Array(vulnerability, "threats", path, minItems: 1))
        {
            shape.String(threat, "category", tp, allowed: ["exploit_status", "impact", "target_set"]);
            shape.String(threat, "details", tp);
        }
        foreach (var (note, np) in shape.Array(vulnerability, "notes", path, minItems: 1))
        {
            shape.String(note, "category", np, allowed: ["description", "details", "faq", "general", "legal_disclaimer", "other", "summary"]);
            shape.String(note, "text", np);
        }
    }

    private static void Cvss3(JsonShape shape, JsonElement cvss, string path)
    {
        var version = shape.String(cvss, "version", path, allowed: ["3.0", "3.1"]);
        var vector = shape.String(cvss, "vectorString", path);
        shape.Number(cvss, "baseScore", path, 0, 10);
        shape.String(cvss, "baseSeverity", path, allowed: ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"]);
        if (vector is null) return;
        var result = CvssScorer.Score(vector);
        if (!result.IsValid) shape.Add(path + ".vectorString", $"'{vector}' is not a valid CVSS vector: {result.Error}");
        else if (version is not null && !vector.StartsWith($"CVSS:{version}/", StringComparison.Ordinal)) shape.Add(path + ".vectorString", $"does not match version {version}.");
    }

    [GeneratedRegex(@"^[^\s\-_\.](.*[^\s\-_\.])?$")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"^[\S](.*[\S])?$")]
    private static partial Regex TrimmedPattern();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)$|^((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?)$")]
    internal static partial Regex VersionPattern();

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}$")]
    private static partial Regex CvePattern();

    [GeneratedRegex(@"^CWE-[1-9]\d{0,5}$")]
    private static partial Regex CwePattern();
}
