using System.Globalization;
using Firebreak.Domain.Cvss;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// One finding of a scan in the shape every report format uses, whichever database it came from: a component
/// in a scanned file that an advisory affects.
/// </summary>
/// <param name="File">The scanned file (lockfile, SBOM or purl list) as given on the command line.</param>
/// <param name="Component">The affected component's package URL.</param>
/// <param name="AdvisoryId">The advisory's id (RUSTSEC-…, GHSA-…).</param>
/// <param name="Aliases">Other ids of the same vulnerability (CVE, GHSA).</param>
/// <param name="Title">One-line title or summary; may be empty.</param>
/// <param name="Database">The database the advisory came from.</param>
/// <param name="FixedVersion">The lowest fixed version above the component's, if any.</param>
/// <param name="Severity">The advisory's rating.</param>
/// <param name="Kev">The KEV entry when the flaw is known to be exploited.</param>
/// <param name="HelpUri">A page describing the advisory, if one is known.</param>
/// <param name="DependencyPath">"name version" steps of the shortest chain from a root of the file's dependency graph (a workspace
/// member, the SBOM's subject, or a direct dependency) to the component, the component last; one step when it is a root itself;
/// empty when the format records no graph (go.mod, requirements files, purl lists) or no root reaches it. A chain longer than
/// <see cref="MaxPathSteps"/> keeps its two ends around one "… N more …" step, so a hostile file cannot blow up a report.</param>
public sealed record ScanFinding(string File, PackageUrl Component, string AdvisoryId, IReadOnlyList<string> Aliases, string Title,
    AdvisoryDatabase Database, string? FixedVersion, AdvisorySeverity Severity, KevEntry? Kev, string? HelpUri, IReadOnlyList<string> DependencyPath)
{
    /// <summary>The most steps a <see cref="DependencyPath"/> shows; real chains are a few dozen at most.</summary>
    public const int MaxPathSteps = 64;

    /// <summary>The VEX statement that suppresses this finding, when one does.</summary>
    public VexSuppression? Suppression { get; init; }

    /// <summary>The ignore-file entry that defers this finding, while it holds.</summary>
    public IgnoreEntry? Ignored { get; init; }

    /// <summary>The advisory id followed by its aliases.</summary>
    public IEnumerable<string> Ids => Aliases.Prepend(AdvisoryId);

    /// <summary>The band a CI gate judges by: known exploitation counts as critical whatever the CVSS says.</summary>
    public CvssSeverity? GateSeverity => Kev is not null ? CvssSeverity.Critical : Severity.Level;

    /// <summary>A RustSec finding; its help page is the advisory's page on rustsec.org.</summary>
    public static ScanFinding FromCargo(string file, CargoFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var advisory = finding.Advisory;
        return new ScanFinding(file, finding.Package.Purl, advisory.Id, advisory.Aliases, advisory.Title, AdvisoryDatabase.RustSec,
            finding.FixedVersion?.ToString(), AdvisorySeverity.FromVector(advisory.Cvss), finding.Kev,
            string.Create(CultureInfo.InvariantCulture, $"https://rustsec.org/advisories/{advisory.Id}.html"),
            finding.Paths.Count == 0 ? [] : PathSteps([.. finding.Paths[0].Select(p => $"{p.Name} {p.Version}")]));
    }

    /// <summary>The path's steps, the middle of an overlong one replaced by one step saying how many were left out.</summary>
    internal static IReadOnlyList<string> PathSteps(IReadOnlyList<string> steps)
    {
        if (steps.Count <= MaxPathSteps) return steps;
        const int head = MaxPathSteps / 2, tail = MaxPathSteps - head - 1;
        return [.. steps.Take(head), string.Create(CultureInfo.InvariantCulture, $"… {steps.Count - head - tail} more …"), .. steps.Skip(steps.Count - tail)];
    }

    /// <summary>An OSV finding; its help page is the record's first ADVISORY (else first) reference.</summary>
    public static ScanFinding FromOsv(string file, OsvFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var advisory = finding.Advisory;
        return new ScanFinding(file, finding.Component, advisory.Id, advisory.Aliases, advisory.Summary, AdvisoryDatabase.Osv,
            finding.FixedVersion, AdvisorySeverity.FromVectors(advisory.Severity, advisory.DatabaseSeverity), finding.Kev,
            advisory.References is { Count: > 0 } references ? references[0] : null, []);
    }
}
