using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// A package the vulnerability affects: version ranges in OSV's event form (ECOSYSTEM or SEMVER), versions
/// known to be affected one by one, and the versions that carry the fix.
/// </summary>
public sealed record AffectedProduct
{
    /// <summary>Creates the entry; it needs at least one range, affected or patched version, and every range an introduced event.</summary>
    public AffectedProduct(AdvisoryPackage package, IReadOnlyList<AffectedRange>? ranges = null,
        IReadOnlyList<string>? affectedVersions = null, IReadOnlyList<string>? patchedVersions = null)
    {
        Package = package ?? throw new DomainException("affected.package: required.");
        Ranges = AdvisoryText.List(ranges, "affected.ranges", CheckRange);
        AffectedVersions = AdvisoryText.List(affectedVersions, "affected.versions", (v, path) => AdvisoryText.Line(v, path, 1024));
        givenPatched = AdvisoryText.List(patchedVersions, "affected.patched", (v, path) => AdvisoryText.Line(v, path, 1024));
        // Patched versions alone are allowed: CSAF and OpenVEX documents often state only which versions are fixed.
        if (Ranges.Count == 0 && AffectedVersions.Count == 0 && givenPatched.Count == 0)
            throw new DomainException($"affected: '{package.Name}' needs a version range, an affected version or a patched version.");
    }

    private readonly IReadOnlyList<string> givenPatched;

    /// <summary>The affected package.</summary>
    public AdvisoryPackage Package { get; }

    /// <summary>Affected ranges; events are kept in the order given.</summary>
    public IReadOnlyList<AffectedRange> Ranges { get; }

    /// <summary>Versions known to be affected, listed one by one.</summary>
    public IReadOnlyList<string> AffectedVersions { get; }

    /// <summary>
    /// Versions that contain the fix: those given, else the ranges' fixed events (the first version after each
    /// affected span).
    /// </summary>
    public IReadOnlyList<string> PatchedVersions => givenPatched.Count > 0 ? givenPatched : [.. Ranges.SelectMany(r => r.Events).Where(e => e.Kind == RangeEventKind.Fixed).Select(e => e.Version).Distinct()];

    /// <summary>Shared by affected and unaffected entries: a SEMVER or ECOSYSTEM range that starts with an introduced event.</summary>
    internal static AffectedRange CheckRange(AffectedRange range, string path)
    {
        if (range is null) throw new DomainException($"{path}: required.");
        if (range.Type == AffectedRangeType.Git) throw new DomainException($"{path}.type: only SEMVER and ECOSYSTEM ranges are supported.");
        if (range.Events is null || range.Events.Count == 0 || range.Events[0].Kind != RangeEventKind.Introduced)
            throw new DomainException($"{path}.events: must start with an introduced event.");
        for (var i = 0; i < range.Events.Count; i++)
        {
            var e = range.Events[i];
            if (string.IsNullOrWhiteSpace(e.Version)) throw new DomainException($"{path}.events[{i}]: the version is required.");
            if (e.Kind == RangeEventKind.Limit) throw new DomainException($"{path}.events[{i}]: limit events are not supported.");
            if (i > 0 && (e.Kind == RangeEventKind.Introduced) == (range.Events[i - 1].Kind == RangeEventKind.Introduced))
                throw new DomainException($"{path}.events[{i}]: introduced events and fixed/last_affected events must alternate.");
        }
        // OSV forbids both upper-bound kinds in one range: a fixed bound and an inclusive one contradict each other's meaning.
        if (range.Events.Any(e => e.Kind == RangeEventKind.Fixed) && range.Events.Any(e => e.Kind == RangeEventKind.LastAffected))
            throw new DomainException($"{path}.events: fixed and last_affected events cannot share a range.");
        return range;
    }
}
