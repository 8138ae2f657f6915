using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>
/// Turns RustSec's <c>patched</c> and <c>unaffected</c> requirements into one OSV SEMVER range: each requirement is a
/// set of versions that are not affected (its intervals, prereleases included, as <see cref="CargoRequirement"/> reads
/// them), and the range's events describe the gaps between them. An exclusive lower end (after <c>&lt;= x</c> or
/// <c>= x</c>) becomes <c>introduced</c> at the next SemVer version: x.y.(z+1)-0 for a release, x.y.z-pre.0 for a
/// prerelease — nothing sorts between.
/// </summary>
public static class RustSecRanges
{
    /// <summary>The affected range: the complement of the union of the requirements' intervals.</summary>
    public static AffectedRange Affected(IEnumerable<CargoRequirement> patched, IEnumerable<CargoRequirement> unaffected)
    {
        ArgumentNullException.ThrowIfNull(patched);
        ArgumentNullException.ThrowIfNull(unaffected);
        var safe = patched.Concat(unaffected).Aggregate(VersionIntervals.Empty, (acc, r) => acc.Union(r.Intervals));
        var events = new List<RangeEvent>();
        foreach (var (low, high) in safe.Complement().Items)
        {
            var start = (SemanticVersion?)low.At;
            events.Add(new RangeEvent(RangeEventKind.Introduced, start is null ? "0" : low.After ? start.Successor().ToString() : start.ToString()));
            if (high.At is SemanticVersion end) events.Add(new RangeEvent(high.After ? RangeEventKind.LastAffected : RangeEventKind.Fixed, end.ToString()));
        }
        return new AffectedRange(AffectedRangeType.Semver, events);
    }
}
