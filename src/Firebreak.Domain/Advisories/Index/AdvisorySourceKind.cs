namespace Firebreak.Domain.Advisories.Index;

/// <summary>What kind of feed an advisory index source was imported from.</summary>
public enum AdvisorySourceKind
{
    /// <summary>OSV records: a JSON file, a folder of them, or an osv.dev ecosystem .zip.</summary>
    Osv,

    /// <summary>A RustSec advisory-db folder, converted to OSV's shape.</summary>
    RustSec,

    /// <summary>CISA's Known Exploited Vulnerabilities catalog.</summary>
    Kev,
}
