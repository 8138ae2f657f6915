using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Reads Firebreak's own advisory JSON (snake_case members, documented in docs/advisories.md) into a
/// <see cref="SecurityAdvisory"/>. Unknown members are refused so a misspelt field is not silently dropped;
/// every problem is a <see cref="DomainException"/> naming the field or JSON path.
/// </summary>
public static class FirebreakAdvisoryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
    };

    private static readonly AdvisoryJsonContext Context = new(Options);

    /// <summary>Reads and validates one advisory.</summary>
    public static SecurityAdvisory Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AdvisoryInput input;
        try
        {
            input = JsonSerializer.Deserialize(json, Context.AdvisoryInput) ?? throw new DomainException("$: expected an advisory object.");
        }
        catch (JsonException e)
        {
            throw new DomainException($"{e.Path ?? "$"}: {e.Message.Split(" Path:")[0]}", e);
        }
        var publisher = input.Publisher ?? throw new DomainException("publisher: required.");
        return new SecurityAdvisory(input.Id!, input.Summary!,
            new AdvisoryPublisher(publisher.Name!, publisher.Namespace!, Parse<PublisherCategory>(publisher.Category, "publisher.category") ?? PublisherCategory.Vendor,
                publisher.Vendor, publisher.Product, publisher.CveOrgId),
            [.. (input.Affected ?? []).Select(p => new AffectedProduct(Package(p), Ranges(p.Ranges), p.Versions, p.Patched))])
        {
            Aliases = input.Aliases ?? [],
            Description = input.Description,
            Unaffected = [.. (input.Unaffected ?? []).Select(p => new UnaffectedProduct(Package(p), p.Versions, Ranges(p.Ranges), Justification(p.Justification), p.ImpactStatement))],
            Cwes = [.. (input.Cwes ?? []).Select(c => new Cwe(c.Id!, c.Name))],
            Cvss3 = input.CvssV3 is null ? null : CvssRating.Parse(input.CvssV3, "cvss_v3", expectV4: false),
            Cvss4 = input.CvssV4 is null ? null : CvssRating.Parse(input.CvssV4, "cvss_v4", expectV4: true),
            GivenSeverity = Parse<CvssSeverity>(input.Severity, "severity"),
            UserSafetyImpact = input.UserSafetyImpact,
            Remediation = input.Remediation,
            References = [.. (input.References ?? []).Select(r => new AdvisoryReference(Parse<AdvisoryReferenceType>(r.Type, "references.type") ?? AdvisoryReferenceType.Web, r.Url!, r.Name))],
            Credits = [.. (input.Credits ?? []).Select(Credit)],
            Timeline = input.Timeline is { } t ? new AdvisoryTimeline(t.Reported, t.Acknowledged, t.Triaged, t.Fixed, t.Published, t.Modified, t.Withdrawn) : new AdvisoryTimeline(),
            Revisions = [.. (input.Revisions ?? []).Select(r => new AdvisoryRevision(r.Number!, r.Date, r.Summary!))],
        };
    }

    private static AdvisoryPackage Package(PackageInput p) =>
        p.Purl is { } purl ? AdvisoryPackage.FromPurl(purl, p.Vendor)
        : p.Ecosystem is { } name ? AdvisoryPackage.InEcosystem(EcosystemNames.TryFromOsvName(name, out var e) ? e : throw new DomainException($"package.ecosystem: '{name}' is not a known OSV ecosystem."), p.Name!, p.Vendor)
        : AdvisoryPackage.Product(p.Vendor, p.Name!);

    private static List<AffectedRange> Ranges(List<RangeInput>? ranges) =>
    [
        .. (ranges ?? []).Select(r => new AffectedRange(
            r.Type?.ToUpperInvariant() switch { "SEMVER" => AffectedRangeType.Semver, "ECOSYSTEM" => AffectedRangeType.Ecosystem, _ => throw new DomainException($"ranges.type: '{r.Type}' is not SEMVER or ECOSYSTEM.") },
            [.. (r.Events ?? []).Select(Event)])),
    ];

    private static RangeEvent Event(Dictionary<string, string> e) => e.Count == 1 ? e.First() switch
    {
        ("introduced", var v) => new RangeEvent(RangeEventKind.Introduced, v),
        ("fixed", var v) => new RangeEvent(RangeEventKind.Fixed, v),
        ("last_affected", var v) => new RangeEvent(RangeEventKind.LastAffected, v),
        var (k, _) => throw new DomainException($"ranges.events: '{k}' is not introduced, fixed or last_affected."),
    } : throw new DomainException("ranges.events: each event has exactly one member.");

    private static AdvisoryCredit Credit(CreditInput c)
    {
        var type = Parse<CreditType>(c.Type?.Replace('_', '-'), "credits.type") ?? CreditType.Other;
        return c.Anonymous ? AdvisoryCredit.Anonymous(type, c.Consent) : AdvisoryCredit.Named(type, c.Name!, c.Contact, c.Consent);
    }

    private static VexJustification? Justification(string? text) =>
        text is null ? null : VexTerms.TryParseJustification(text, out var j) ? j : throw new DomainException($"unaffected.justification: '{text}' is not one of {VexTerms.JustificationList}.");

    private static T? Parse<T>(string? text, string field) where T : struct, Enum =>
        text is null ? null : WireNames.TryParse<T>(text.Replace('_', '-'), out var value) ? value : throw new DomainException($"{field}: '{text}' is not one of {WireNames.AllowedList<T>()}.");
}
