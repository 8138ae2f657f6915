namespace Firebreak.Domain.Disclosure.Formats;

// The shape of Firebreak's own advisory JSON (docs/advisories.md), read by FirebreakAdvisoryJson and mapped onto the
// validating model; these records only carry text, every rule is the model's.
internal sealed record AdvisoryInput(string? Id, List<string>? Aliases, string? Summary, string? Description, PublisherInput? Publisher,
    List<PackageInput>? Affected, List<PackageInput>? Unaffected, List<CweInput>? Cwes, string? CvssV3, string? CvssV4, string? Severity,
    string? UserSafetyImpact, string? Remediation, List<ReferenceInput>? References, List<CreditInput>? Credits, TimelineInput? Timeline,
    List<RevisionInput>? Revisions);

internal sealed record PublisherInput(string? Name, string? Namespace, string? Category, string? Vendor, string? Product, Guid? CveOrgId);

internal sealed record PackageInput(string? Ecosystem, string? Name, string? Purl, string? Vendor, List<RangeInput>? Ranges, List<string>? Versions,
    List<string>? Patched, string? Justification, string? ImpactStatement);

internal sealed record RangeInput(string? Type, List<Dictionary<string, string>>? Events);

internal sealed record CweInput(string? Id, string? Name);

internal sealed record ReferenceInput(string? Type, string? Url, string? Name);

internal sealed record CreditInput(string? Type, string? Name, string? Contact, bool Consent = true, bool Anonymous = false);

internal sealed record TimelineInput(DateTimeOffset? Reported, DateTimeOffset? Acknowledged, DateTimeOffset? Triaged, DateTimeOffset? Fixed,
    DateTimeOffset? Published, DateTimeOffset? Modified, DateTimeOffset? Withdrawn = null);

internal sealed record RevisionInput(string? Number, DateTimeOffset Date, string? Summary);
