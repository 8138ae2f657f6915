namespace Firebreak.Domain.Packages;

/// <summary>The OSV <c>ranges[].type</c>: how the versions in a range's events are ordered.</summary>
public enum AffectedRangeType
{
    /// <summary>SEMVER: events are SemVer 2.0.0 versions, whatever the package's ecosystem.</summary>
    Semver,

    /// <summary>ECOSYSTEM: events are versions ordered by the package's ecosystem.</summary>
    Ecosystem,

    /// <summary>
    /// GIT: events are commit hashes, ordered by repository history. They cannot be evaluated against a
    /// version string, so <see cref="VersionRangeEvaluator"/> ignores such ranges; OSV records carry the
    /// resolved versions in <c>affected[].versions</c>, which are evaluated.
    /// </summary>
    Git,
}
