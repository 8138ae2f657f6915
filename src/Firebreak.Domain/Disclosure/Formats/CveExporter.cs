using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Writes CVE JSON 5.2 (which still validates as 5.1: the only 5.2 field written is <c>affected[].packageURL</c>, an
/// addition 5.1's open product object accepts): the CNA container a CNA submits (<c>{"cnaContainer": …}</c>, as CVE Services take it)
/// and a full published record around it. The organisation UUID comes from the publisher's configuration.
/// </summary>
public static class CveExporter
{
    /// <summary>The container document, validated by <c>cve-5.1-cna-container.json</c>.</summary>
    public static string WriteCnaContainer(SecurityAdvisory advisory) => AdvisoryJson.Print(new JsonObject { ["cnaContainer"] = Container(advisory) });

    /// <summary>A full CVE record in the PUBLISHED state; needs the CVE id.</summary>
    public static string WriteRecord(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var cve = advisory.CveId ?? throw new DomainException("aliases: a CVE record needs a CVE id.");
        var metadata = new JsonObject { ["cveId"] = cve, ["assignerOrgId"] = OrgId(advisory), ["state"] = "PUBLISHED" };
        if (advisory.Timeline.Published is { } published) metadata["datePublished"] = AdvisoryJson.Timestamp(published);
        if (advisory.LastModified is { } modified) metadata["dateUpdated"] = AdvisoryJson.Timestamp(modified);
        return AdvisoryJson.Print(new JsonObject
        {
            ["dataType"] = "CVE_RECORD",
            ["dataVersion"] = "5.2",
            ["cveMetadata"] = metadata,
            ["containers"] = new JsonObject { ["cna"] = Container(advisory) },
        });
    }

    private static JsonObject Container(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var description = advisory.Description ?? advisory.Summary;
        if (description.Length > 4096) throw new DomainException("description: CVE descriptions hold at most 4096 characters.");
        var affected = advisory.Affected.Select(p => CveAffected.Affected(p, advisory.Publisher))
            .Concat(advisory.Unaffected.Select(p => CveAffected.Unaffected(p, advisory.Publisher))).ToList();
        if (affected.Count == 0) throw new DomainException("affected: a CVE record needs at least one product.");
        if (advisory.References.Count == 0) throw new DomainException("references: a CVE record needs at least one reference.");
        var cna = new JsonObject { ["providerMetadata"] = new JsonObject { ["orgId"] = OrgId(advisory) } };
        if (advisory.Timeline.Published is { } published) cna["datePublic"] = AdvisoryJson.Timestamp(published);
        cna["title"] = advisory.Summary;
        var english = new JsonObject { ["lang"] = "en", ["value"] = description };
        if (advisory.Description is not null)
            english["supportingMedia"] = new JsonArray(new JsonObject { ["type"] = "text/markdown", ["base64"] = false, ["value"] = description });
        cna["descriptions"] = new JsonArray(english);
        cna["affected"] = AdvisoryJson.Array(affected);
        if (advisory.Cwes.Count > 0)
            cna["problemTypes"] = AdvisoryJson.Array(advisory.Cwes.Select(c => new JsonObject
            {
                ["descriptions"] = new JsonArray(new JsonObject { ["lang"] = "en", ["cweId"] = c.Id, ["description"] = c.Label, ["type"] = "CWE" }),
            }));
        var metrics = new[] { advisory.Cvss4, advisory.Cvss3 }.OfType<CvssRating>().Select(Metric).ToList();
        if (metrics.Count > 0) cna["metrics"] = AdvisoryJson.Array(metrics);
        if (advisory.UserSafetyImpact is { } impact)
            cna["impacts"] = new JsonArray(new JsonObject { ["descriptions"] = new JsonArray(new JsonObject { ["lang"] = "en", ["value"] = impact }) });
        if (advisory.Remediation is { } remediation) cna["solutions"] = new JsonArray(new JsonObject { ["lang"] = "en", ["value"] = remediation });
        cna["references"] = AdvisoryJson.Array(advisory.References.Select(Reference));
        var timeline = Timeline(advisory.Timeline).ToList();
        if (timeline.Count > 0) cna["timeline"] = AdvisoryJson.Array(timeline);
        var credits = advisory.PublicCredits.Select(c => new JsonObject { ["lang"] = "en", ["value"] = c.PublicName, ["type"] = c.Type.ToWire().Replace('-', ' ') })
            .DistinctBy(c => c.ToJsonString()).ToList();
        if (credits.Count > 0) cna["credits"] = AdvisoryJson.Array(credits);
        return cna;
    }

    private static string OrgId(SecurityAdvisory advisory) =>
        advisory.Publisher.CveOrgId?.ToString("D") ?? throw new DomainException("publisher.cve_org_id: CVE records need the CNA's organisation UUID.");

    private static JsonObject Metric(CvssRating rating)
    {
        var key = rating.Version switch { CvssVersion.V30 => "cvssV3_0", CvssVersion.V31 => "cvssV3_1", CvssVersion.V40 => "cvssV4_0" };
        return new JsonObject
        {
            [key] = new JsonObject
            {
                ["version"] = rating.VersionText, ["vectorString"] = rating.Vector, ["baseScore"] = rating.Score,
                ["baseSeverity"] = rating.Severity.ToString().ToUpperInvariant(),
            },
        };
    }

    private static JsonObject Reference(AdvisoryReference reference)
    {
        var entry = new JsonObject { ["url"] = reference.Url };
        if (reference.Name is { } name) entry["name"] = name;
        entry["tags"] = new JsonArray(reference.Type switch
        {
            AdvisoryReferenceType.Advisory => "vendor-advisory",
            AdvisoryReferenceType.Article => "technical-description",
            AdvisoryReferenceType.Report => "issue-tracking",
            AdvisoryReferenceType.Fix => "patch",
            AdvisoryReferenceType.Package => "product",
            AdvisoryReferenceType.Web => "related",
            AdvisoryReferenceType.Evidence => "exploit",
        });
        return entry;
    }

    private static IEnumerable<JsonObject> Timeline(AdvisoryTimeline timeline)
    {
        (DateTimeOffset? At, string What)[] events =
        [
            (timeline.Reported, "Reported to the project"), (timeline.Acknowledged, "Report acknowledged"),
            (timeline.Triaged, "Triage completed"), (timeline.Fixed, "Fix released"), (timeline.Published, "Advisory published"),
        ];
        return events.Where(e => e.At is not null)
            .Select(e => new JsonObject { ["time"] = AdvisoryJson.Timestamp(e.At!.Value), ["lang"] = "en", ["value"] = e.What });
    }
}
