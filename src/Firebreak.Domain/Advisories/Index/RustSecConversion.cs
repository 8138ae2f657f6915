using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories.Index;

/// <summary>Converts RustSec advisories to the index's OSV shape and back.</summary>
public static class RustSecConversion
{
    /// <summary>
    /// The advisory as an OSV record: crates.io, one SEMVER range from patched and unaffected, the CVSS vector
    /// as severity, the rustsec.org page as reference, and the advisory's date as <c>modified</c>.
    /// </summary>
    public static IndexedAdvisory ToIndexed(RustSecAdvisory advisory, AdvisorySource source, string origin)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var affected = new OsvAffected(Ecosystem.CratesIo.ToOsvName(), Ecosystem.CratesIo, advisory.Package,
            [RustSecRanges.Affected(advisory.Patched, advisory.Unaffected)], []);
        DateTimeOffset? modified = advisory.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var record = new OsvAdvisory(advisory.Id, advisory.Aliases, advisory.Title, advisory.Withdrawn, advisory.Cvss is null ? [] : [advisory.Cvss],
            [affected], [$"https://rustsec.org/advisories/{advisory.Id}.html"], null, modified);
        return new IndexedAdvisory(record, source, origin,
            new RustSecVersions([.. advisory.Patched.Select(p => p.Text)], [.. advisory.Unaffected.Select(u => u.Text)], advisory.Informational));
    }

    /// <summary>The RustSec advisory a converted record came from; false when it was not converted from one or a requirement no longer parses.</summary>
    public static bool TryToRustSec(IndexedAdvisory record, out RustSecAdvisory? advisory)
    {
        ArgumentNullException.ThrowIfNull(record);
        advisory = null;
        if (record.RustSec is not { } versions || record.Advisory.Affected is not [var crate]) return false;
        var patched = Requirements(versions.Patched);
        var unaffected = Requirements(versions.Unaffected);
        if (patched is null || unaffected is null) return false;
        var osv = record.Advisory;
        advisory = new RustSecAdvisory(osv.Id, crate.Package, osv.Aliases, osv.Severity.Count > 0 ? osv.Severity[0] : null, osv.Summary, patched, unaffected,
            versions.Informational, osv.Withdrawn, osv.Modified is { } m ? DateOnly.FromDateTime(m.UtcDateTime) : null);
        return true;
    }

    private static List<CargoRequirement>? Requirements(IReadOnlyList<string> texts)
    {
        var list = new List<CargoRequirement>(texts.Count);
        foreach (var text in texts)
        {
            if (!CargoRequirement.TryParse(text, out var requirement, out _)) return null;
            list.Add(requirement!);
        }
        return list;
    }
}
