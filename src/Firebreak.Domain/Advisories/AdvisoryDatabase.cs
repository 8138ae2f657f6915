namespace Firebreak.Domain.Advisories;

/// <summary>Where a scan finding's advisory came from.</summary>
public enum AdvisoryDatabase
{
    /// <summary>The RustSec advisory database (RUSTSEC-* Markdown files).</summary>
    RustSec,
    /// <summary>OSV records (GHSA, PYSEC, GO, … JSON).</summary>
    Osv,
}
