using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Writes CSAF 2.0 documents: <c>csaf_security_advisory</c> and <c>csaf_vex</c> share everything except the
/// category. CSAF 2.0 knows CVSS v2 and v3 only, so the v4.0 vector is left out; only the first CWE fits.
/// Every document is checked by <see cref="CsafValidator"/> (the schema's shape and every mandatory test of section 6.1)
/// before it is returned.
/// </summary>
public static class CsafExporter
{
    /// <summary>The document as indented JSON; <paramref name="vex"/> selects the csaf_vex profile.</summary>
    public static string Write(SecurityAdvisory advisory, bool vex = false)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        if (advisory.Affected.Count == 0 && advisory.Unaffected.Count == 0)
            throw new DomainException("csaf: the advisory names no product; CSAF's security advisory and VEX profiles need a product tree and a product status (6.1.27.4, 6.1.27.6).");
        var published = advisory.Timeline.Published ?? (advisory.Revisions.Count > 0 ? advisory.Revisions[0].Date : (DateTimeOffset?)null)
            ?? throw new DomainException("timeline.published: a CSAF document needs an initial release date.");
        var revisions = advisory.Revisions.Count > 0 ? advisory.Revisions : [new AdvisoryRevision("1", published, "Initial public release.")];
        var document = new JsonObject
        {
            ["category"] = vex ? "csaf_vex" : "csaf_security_advisory",
            ["csaf_version"] = "2.0",
            ["publisher"] = new JsonObject
            {
                ["category"] = advisory.Publisher.Category.ToString().ToLowerInvariant(), ["name"] = advisory.Publisher.Name, ["namespace"] = advisory.Publisher.Namespace,
            },
            ["title"] = advisory.Summary,
            ["tracking"] = new JsonObject
            {
                ["id"] = advisory.Id,
                ["status"] = advisory.Timeline.Published is null ? "draft" : "final",
                ["version"] = revisions[^1].Number,
                ["initial_release_date"] = AdvisoryJson.Timestamp(published),
                ["current_release_date"] = AdvisoryJson.Timestamp(Max(advisory.LastModified ?? published, revisions[^1].Date)),
                ["revision_history"] = AdvisoryJson.Array(revisions.Select(r => new JsonObject
                {
                    ["date"] = AdvisoryJson.Timestamp(r.Date), ["number"] = r.Number, ["summary"] = r.Summary,
                })),
            },
            ["lang"] = "en",
            ["notes"] = new JsonArray(new JsonObject { ["category"] = "summary", ["title"] = "Summary", ["text"] = advisory.Summary }),
        };
        var acknowledgments = advisory.PublicCredits.Select(Acknowledgment).ToList();
        if (acknowledgments.Count > 0) document["acknowledgments"] = AdvisoryJson.Array(acknowledgments);
        if (advisory.References.Count > 0) document["references"] = AdvisoryJson.Array(advisory.References.Select(Reference));
        if (advisory.Severity is { } severity) document["aggregate_severity"] = new JsonObject { ["text"] = severity.ToString() };
        var tree = new CsafProductTree();
        var vulnerability = CsafVulnerability.Write(advisory, tree);
        var root = new JsonObject { ["document"] = document };
        // An advisory that names no product (everything under investigation) has no tree: CSAF forbids an empty one.
        if (tree.ToJson() is { } branches && branches["branches"]!.AsArray().Count > 0) root["product_tree"] = branches;
        root["vulnerabilities"] = new JsonArray(vulnerability);
        var text = AdvisoryJson.Print(root);
        // Every export passes CSAF's mandatory tests or is not written: a model that allows a breach is a bug to see.
        using var written = System.Text.Json.JsonDocument.Parse(text);
        if (CsafValidator.Validate(written.RootElement).Where(i => i.IsError).ToList() is { Count: > 0 } errors)
            throw new DomainException("csaf: the document would break CSAF 2.0: " + string.Join("; ", errors.Take(5)));
        return text;
    }

    /// <summary>The CSAF reference for a model reference; advisories are "self", the rest "external".</summary>
    internal static JsonObject Reference(AdvisoryReference reference) => new()
    {
        ["category"] = reference.Type == AdvisoryReferenceType.Advisory ? "self" : "external",
        ["summary"] = reference.Name ?? reference.Type.ToWire(),
        ["url"] = reference.Url,
    };

    // Anonymous credits keep their role in the summary and carry no name at all.
    private static JsonObject Acknowledgment(AdvisoryCredit credit)
    {
        var entry = new JsonObject();
        if (!credit.IsAnonymous) entry["names"] = AdvisoryJson.Strings([credit.Name!]);
        entry["summary"] = credit.IsAnonymous ? "anonymous " + credit.Type.ToWire().Replace('-', ' ') : credit.Type.ToWire().Replace('-', ' ');
        if (credit.Contact is { } contact && Uri.TryCreate(contact, UriKind.Absolute, out _)) entry["urls"] = AdvisoryJson.Strings([contact]);
        return entry;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The CSAF flag label of a VEX justification (CSAF's labels are the same words).</summary>
    internal static string FlagLabel(VexJustification justification) => VexTerms.ToText(justification);
}
