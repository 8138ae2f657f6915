using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Advisories;

/// <summary>What scanning one file found, and what it could not check.</summary>
/// <param name="Findings">One per (component, vulnerability), in the order found: records that are aliases of each other are one finding (<see cref="AliasMerge"/>).</param>
/// <param name="ComponentCount">How many components the file names.</param>
/// <param name="Notes">Entries left unchecked, each a sentence naming the file and, where known, the line.</param>
public sealed record ScannedFile(IReadOnlyList<ScanFinding> Findings, int ComponentCount, IReadOnlyList<string> Notes);

/// <summary>
/// The one scanning engine of the CLI and the server: a lockfile or SBOM, read by its name and
/// content, matched against RustSec and OSV records, flagged by KEV. Each finding carries the dependency path
/// (the shortest chain from a root of the file's <see cref="DependencyGraph"/> to the component) where the format records one.
/// </summary>
public sealed class DependencyScanner(IReadOnlyList<RustSecAdvisory> rustSec, OsvMatcher? osv, KevCatalog? kev)
{
    /// <summary>A scanner over an advisory index; RustSec records are matched through Cargo's semantics, the rest through OSV's.</summary>
    public static DependencyScanner FromIndex(AdvisoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new DependencyScanner(index.RustSecAdvisories(), index.CreateMatcher(includeRustSec: false, index.Kev), index.Kev);
    }

    /// <summary>Scans one file; a malformed file raises <see cref="LockfileFormatException"/> with its location.</summary>
    public ScannedFile Scan(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && SbomReader.LooksLikeSbom(text))
        {
            var sbom = SbomReader.Read(text, file, out var skipped, out var graph);
            IReadOnlyList<string> notes = skipped > 0 ? [$"{file}: {skipped} component(s) without a package URL were not checked."] : [];
            return new ScannedFile(AliasMerge.Merge(Osv(file, sbom.Select(c => c.Purl), graph)), sbom.Count, notes);
        }
        if (Lockfile.TryDetect(file, out var format))
        {
            var contents = Lockfile.Read(format, text, file);
            return new ScannedFile(AliasMerge.Merge(Osv(file, contents.Components.Select(c => c.Purl), contents.Graph)), contents.Components.Count,
                [.. contents.Skipped.Select(s => $"{file}:{s.Line}: '{s.Entry}' not checked: {s.Reason}.")]);
        }
        var cargo = CargoLock.Parse(text, file);
        List<ScanFinding> findings = [.. CargoAudit.Scan(cargo, rustSec, kev).Select(f => ScanFinding.FromCargo(file, f))];
        findings.AddRange(Osv(file, cargo.Packages.Where(p => p.FromCratesIo).Select(p => p.Purl), cargo.Graph));
        return new ScannedFile(AliasMerge.Merge(findings), cargo.Packages.Count, []);
    }

    private List<ScanFinding> Osv(string file, IEnumerable<Packages.PackageUrl> purls, DependencyGraph graph)
    {
        if (osv is null) return [];
        var paths = new Dictionary<Packages.PackageUrl, IReadOnlyList<string>>(); // one search per component, however many advisories hit it
        return [.. osv.Match(purls).Select(f => ScanFinding.FromOsv(file, f) with { DependencyPath = PathTo(f.Component) })];

        IReadOnlyList<string> PathTo(Packages.PackageUrl purl)
        {
            if (!paths.TryGetValue(purl, out var path)) paths[purl] = path = ScanFinding.PathSteps([.. graph.PathTo(purl).Select(n => n.Step)]);
            return path;
        }
    }
}
