namespace Firebreak.Domain.Advisories.Index;

/// <summary>One record of an advisory index: the OSV-shaped record, where it came from, and RustSec's extras.</summary>
/// <param name="Advisory">The record in OSV's shape (RustSec advisories converted: crates.io, ranges from patched and unaffected).</param>
/// <param name="Source">The import it belongs to.</param>
/// <param name="Origin">The file (or .zip entry) inside the source that held it.</param>
/// <param name="RustSec">The RustSec requirements, for records converted from RustSec; else null.</param>
public sealed record IndexedAdvisory(OsvAdvisory Advisory, AdvisorySource Source, string Origin, RustSecVersions? RustSec = null)
{
    /// <summary>The record's id followed by its aliases.</summary>
    public IEnumerable<string> Ids => Advisory.Aliases.Prepend(Advisory.Id);
}
