using Firebreak.Domain.Common;
using Firebreak.Domain.Cvss;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// One vulnerability, written once and exported to every standard format (see <c>Disclosure/Formats</c>).
/// Every value is checked as it is set, so a <c>with</c> expression cannot make an invalid advisory either;
/// a <see cref="DomainException"/> names the field.
/// </summary>
public sealed partial record SecurityAdvisory
{
    /// <summary>Creates an advisory from its required parts; optional parts are set with initialisers.</summary>
    public SecurityAdvisory(string id, string summary, AdvisoryPublisher publisher, IReadOnlyList<AffectedProduct> affected)
    {
        Id = id;
        Summary = summary;
        Publisher = publisher;
        Affected = affected;
    }

    /// <summary>The project-local id, e.g. <c>FBK-2026-0001</c>.</summary>
    public string Id { get; init => field = AdvisoryIdentifiers.LocalId(value, "id"); }

    /// <summary>Other ids: CVE and GHSA, without repeats.</summary>
    public IReadOnlyList<string> Aliases
    {
        get;
        init => field = [.. AdvisoryText.List(value, "aliases", AdvisoryIdentifiers.Alias).Distinct(StringComparer.Ordinal)];
    } = [];

    /// <summary>One line, at most 200 characters.</summary>
    public string Summary { get; init => field = AdvisoryText.Line(value, "summary", 200); }

    /// <summary>The full description, Markdown.</summary>
    public string? Description { get; init => field = AdvisoryText.Optional(value, "description", 65536); }

    /// <summary>Who publishes the advisory.</summary>
    public AdvisoryPublisher Publisher { get; init => field = value ?? throw new DomainException("publisher: required."); }

    /// <summary>The affected packages (empty only for a VEX that declares products not affected).</summary>
    public IReadOnlyList<AffectedProduct> Affected
    {
        get;
        init => field = AdvisoryText.List(value, "affected", (p, path) => p ?? throw new DomainException($"{path}: required."));
    }

    /// <summary>Packages or versions stated not to be affected, with the reason.</summary>
    public IReadOnlyList<UnaffectedProduct> Unaffected
    {
        get;
        init => field = AdvisoryText.List(value, "unaffected", (p, path) => p ?? throw new DomainException($"{path}: required."));
    } = [];

    /// <summary>Weakness classes, most specific first.</summary>
    public IReadOnlyList<Cwe> Cwes
    {
        get;
        init => field = [.. AdvisoryText.List(value, "cwes", (c, path) => c ?? throw new DomainException($"{path}: required.")).DistinctBy(c => c.Id)];
    } = [];

    /// <summary>The CVSS v3.x rating, if scored.</summary>
    public CvssRating? Cvss3 { get; init => field = value is { Version: CvssVersion.V40 } ? throw new DomainException("cvss_v3: expected a 3.x vector.") : value; }

    /// <summary>The CVSS v4.0 rating, if scored.</summary>
    public CvssRating? Cvss4 { get; init => field = value is { Version: not CvssVersion.V40 } ? throw new DomainException("cvss_v4: expected a 4.0 vector.") : value; }

    /// <summary>A severity given by the maintainers; overrides the one derived from CVSS.</summary>
    public CvssSeverity? GivenSeverity { get; init; }

    /// <summary>How this affects vulnerable users specifically; one line.</summary>
    public string? UserSafetyImpact { get; init => field = value is null ? null : AdvisoryText.Line(value, "user_safety_impact", 500); }

    /// <summary>What users should do (upgrade, mitigate); VEX's action statement. One line.</summary>
    public string? Remediation { get; init => field = value is null ? null : AdvisoryText.Line(value, "remediation", 1000); }

    /// <summary>Typed links.</summary>
    public IReadOnlyList<AdvisoryReference> References
    {
        get;
        init => field = [.. AdvisoryText.List(value, "references", (r, path) => r ?? throw new DomainException($"{path}: required.")).DistinctBy(r => r.Url)];
    } = [];

    /// <summary>Everyone to thank, with or without consent; exporters publish <see cref="PublicCredits"/> only.</summary>
    public IReadOnlyList<AdvisoryCredit> Credits
    {
        get;
        init => field = AdvisoryText.List(value, "credits", (c, path) => c ?? throw new DomainException($"{path}: required."));
    } = [];

    /// <summary>The dates.</summary>
    public AdvisoryTimeline Timeline { get; init => field = value ?? throw new DomainException("timeline: required."); } = new();

    /// <summary>The revision history, oldest first; numbers unique, dates never going back.</summary>
    public IReadOnlyList<AdvisoryRevision> Revisions { get; init => field = CheckRevisions(value); } = [];
}
