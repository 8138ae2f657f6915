using System.Text.Json;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Reads a CSAF 2.0 document (any category: security advisory, VEX, informational, or a profile of its own) into
/// one <see cref="SecurityAdvisory"/> per vulnerability; a document without vulnerabilities gives one advisory
/// with the document-level fields. The document must pass <see cref="CsafValidator"/> (profile tests aside); the first problem, or a
/// value the model refuses, throws <see cref="CsafFormatException"/> with its JSON path. docs/advisories.md lists
/// what the model does not hold.
/// </summary>
public static class CsafImporter
{
    /// <summary>The largest document accepted, in characters; CSAF documents in the wild stay well below it.</summary>
    public const int MaxLength = 32 * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted: about twenty branch levels, far beyond any real product tree.</summary>
    public const int MaxDepth = 48;

    /// <summary>The advisories of the document, in the order of its vulnerabilities.</summary>
    public static IReadOnlyList<SecurityAdvisory> Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength) throw new CsafFormatException("$", $"the document is larger than {MaxLength} characters.");
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Import(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new CsafFormatException(e.Path ?? "$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>The advisories of a parsed document.</summary>
    public static IReadOnlyList<SecurityAdvisory> Import(JsonElement root)
    {
        Validate(root);
        var document = root.GetProperty("document");
        var tracking = document.GetProperty("tracking");
        const string trackingPath = "$.document.tracking";
        var publisher = CsafDocumentFields.Publisher(document);
        var catalog = CsafProductCatalog.Read(root, publisher.Vendor);
        var published = CsafJson.String(tracking, "status", trackingPath) == "draft" ? null : CsafJson.Time(tracking, "initial_release_date", trackingPath);
        var basis = CsafJson.At(trackingPath + ".id", () => new SecurityAdvisory(CsafJson.String(tracking, "id", trackingPath)!,
            ImportedText.Line(CsafJson.String(document, "title", "$.document"), 200)!, publisher, []));
        basis = CsafJson.At("$.document", () => basis with
        {
            Timeline = new AdvisoryTimeline(Published: published, Modified: CsafJson.Time(tracking, "current_release_date", trackingPath)),
            Revisions = CsafDocumentFields.Revisions(tracking, trackingPath),
            Credits = [.. CsafDocumentFields.Credits(document, "$.document")],
            References = [.. CsafDocumentFields.References(document, "$.document")],
        });
        var aggregate = ImportedText.Line(CsafJson.String(CsafJson.Object(document, "aggregate_severity", "$.document") ?? default, "text", "$.document.aggregate_severity"), 100);
        var vulnerabilities = CsafJson.Array(root, "vulnerabilities", "$");
        if (vulnerabilities.Count == 0) return [CsafVulnerabilityReader.Read(basis, default, "$.vulnerabilities", document, catalog, aggregate)];
        return [.. vulnerabilities.Select(v => CsafVulnerabilityReader.Read(basis, v.Item, v.Path, document, catalog, aggregate))];
    }

    private static void Validate(JsonElement root)
    {
        IReadOnlyList<AdvisoryIssue> issues;
        try
        {
            // Profile tests judge the producer (e.g. a VEX without a product tree); an import needs the structure only.
            issues = CsafValidator.Validate(root, profileTests: false);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            // The validator checks the schema's shape before its rules; members it does not shape-check (groups, relationships) can still be malformed.
            throw new CsafFormatException("$.product_tree", "a product group or relationship is malformed: " + e.Message);
        }
        if (issues.Count > 0) throw new CsafFormatException(issues[0].Path, issues[0].Message);
    }
}
