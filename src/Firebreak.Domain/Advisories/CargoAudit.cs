using Firebreak.Domain.Packages;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Advisories;

/// <summary>A crate version in a Cargo.lock that an advisory affects, with the fix and who pulls it in.</summary>
/// <param name="Package">The affected package.</param>
/// <param name="Advisory">The advisory.</param>
/// <param name="FixedVersion">The lowest patched version above the current one, if any.</param>
/// <param name="Paths">Chains from a workspace member to the package.</param>
/// <param name="Kev">The KEV entry of one of the advisory's CVE aliases, when the flaw is known to be exploited.</param>
public sealed record CargoFinding(CargoPackage Package, RustSecAdvisory Advisory, SemanticVersion? FixedVersion,
    IReadOnlyList<IReadOnlyList<CargoPackage>> Paths, KevEntry? Kev = null);

/// <summary>Matches a Cargo.lock's crates.io packages against RustSec advisories.</summary>
public static class CargoAudit
{
    /// <summary>Every (package, advisory) pair where the advisory affects the locked version.</summary>
    public static IReadOnlyList<CargoFinding> Scan(CargoLock lockfile, IEnumerable<RustSecAdvisory> advisories, KevCatalog? kev = null)
    {
        ArgumentNullException.ThrowIfNull(lockfile);
        var byCrate = advisories.Where(a => !a.Withdrawn).ToLookup(a => a.Package, StringComparer.Ordinal);
        var findings = new List<CargoFinding>();
        foreach (var package in lockfile.Packages.Where(p => p.FromCratesIo))
        {
            if (!SemanticVersion.TryParse(package.Version, out var version, out _)) continue;
            foreach (var advisory in byCrate[package.Name].Where(a => a.Affects(version)))
            {
                findings.Add(new CargoFinding(package, advisory, advisory.FixedVersionFor(version), lockfile.PathsTo(package), kev?.Find(advisory.Aliases)));
            }
        }
        return findings;
    }

    /// <summary>Reads every RUSTSEC-*.md under a RustSec database folder; unreadable files are reported, not fatal.</summary>
    public static (IReadOnlyList<RustSecAdvisory> Advisories, IReadOnlyList<AdvisoryFormatException> Errors) LoadDatabase(string folder)
    {
        var advisories = new List<RustSecAdvisory>();
        var errors = new List<AdvisoryFormatException>();
        foreach (var file in Directory.EnumerateFiles(folder, "RUSTSEC-*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                advisories.Add(RustSecAdvisory.Parse(File.ReadAllText(file), file));
            }
            catch (AdvisoryFormatException e)
            {
                errors.Add(e);
            }
        }
        return (advisories, errors);
    }
}
