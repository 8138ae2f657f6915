namespace Firebreak.Domain.Packages;

/// <summary>
/// Decides whether a package version is affected, following the OSV schema's evaluation: a version is
/// affected when it is listed in <c>versions</c> or lies in any SEMVER or ECOSYSTEM range. Within a
/// range the events are sorted by version ("0" lowest) and walked: introduced (v ≥ it) sets affected,
/// fixed (v ≥ it) and last_affected (v &gt; it) clear it; a range with limit events only covers versions
/// below some limit ("*" is unbounded). GIT ranges are skipped (see <see cref="AffectedRangeType.Git"/>).
/// Unparseable event versions fail towards "affected": an introduced one counts as "0", an unparseable
/// upper bound is ignored. A version that does not parse is affected only through <c>versions</c>.
/// </summary>
/// <remarks>
/// To test many versions against the same entry, create its <see cref="AffectedVersionBounds"/> once.
/// </remarks>
public static class VersionRangeEvaluator
{
    /// <summary>Whether <paramref name="version"/> is affected by the ranges or listed in versions.</summary>
    public static bool IsAffected(Ecosystem ecosystem, string version, IEnumerable<AffectedRange> ranges,
        IEnumerable<string>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(ranges);
        return AffectedVersionBounds.Create(ecosystem, ranges, versions).IsAffected(version);
    }

    /// <summary>
    /// The lowest fixed version above <paramref name="version"/> that is itself not affected by any of
    /// the ranges (nor listed in versions), to suggest as an upgrade; null when there is none.
    /// </summary>
    public static string? FixedVersionFor(Ecosystem ecosystem, string version, IEnumerable<AffectedRange> ranges,
        IEnumerable<string>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(ranges);
        return AffectedVersionBounds.Create(ecosystem, ranges, versions).FixedVersionFor(version);
    }
}
