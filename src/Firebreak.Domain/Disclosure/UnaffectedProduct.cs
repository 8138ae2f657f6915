using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// A package (or some of its versions) stated not to be affected, and why: a VEX justification, an impact
/// statement, or both. Only VEX-capable formats (OpenVEX, CSAF, CVE's unaffected status) carry it.
/// </summary>
public sealed record UnaffectedProduct
{
    /// <summary>Creates the entry; it needs a version or range, and a justification or an impact statement.</summary>
    public UnaffectedProduct(AdvisoryPackage package, IReadOnlyList<string>? versions, IReadOnlyList<AffectedRange>? ranges,
        VexJustification? justification, string? impactStatement)
    {
        Package = package ?? throw new DomainException("unaffected.package: required.");
        Versions = AdvisoryText.List(versions, "unaffected.versions", (v, path) => AdvisoryText.Line(v, path, 1024));
        Ranges = AdvisoryText.List(ranges, "unaffected.ranges", AffectedProduct.CheckRange);
        ImpactStatement = AdvisoryText.Optional(impactStatement, "unaffected.impact_statement", 4096);
        Justification = justification;
        if (Versions.Count == 0 && Ranges.Count == 0)
            throw new DomainException($"unaffected: '{package.Name}' needs a version or a range.");
        if (justification is null && ImpactStatement is null)
            throw new DomainException($"unaffected: '{package.Name}' needs a justification or an impact statement.");
    }

    /// <summary>The package.</summary>
    public AdvisoryPackage Package { get; }

    /// <summary>Versions not affected.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>Ranges of versions not affected (the events delimit the unaffected span).</summary>
    public IReadOnlyList<AffectedRange> Ranges { get; }

    /// <summary>Why not affected, as a VEX justification.</summary>
    public VexJustification? Justification { get; }

    /// <summary>Why not affected, in words.</summary>
    public string? ImpactStatement { get; }
}
