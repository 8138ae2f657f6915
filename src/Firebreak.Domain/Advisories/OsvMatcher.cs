using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>A component an OSV record affects, with the suggested upgrade and the KEV flag.</summary>
/// <param name="Component">The component's package URL.</param>
/// <param name="Advisory">The record.</param>
/// <param name="FixedVersion">Lowest fixed version above the component's that no range affects.</param>
/// <param name="Kev">KEV entry of one of the record's ids or aliases.</param>
public sealed record OsvFinding(PackageUrl Component, OsvAdvisory Advisory, string? FixedVersion, KevEntry? Kev);

/// <summary>
/// Matches package URLs against OSV records, indexed by (ecosystem, name) so each component costs one
/// lookup. Names compare as the ecosystem does: PyPI by its normalised name (PEP 503), NuGet and
/// crates.io case-insensitively, the others exactly. Maven names are <c>group:artifact</c>; npm scoped
/// names <c>@scope/name</c>; Go names the module path.
/// </summary>
public sealed class OsvMatcher
{
    private readonly Dictionary<(Ecosystem, string), List<(OsvAdvisory Advisory, OsvAffected Affected)>> _index = [];
    private readonly Func<Ecosystem, string, IReadOnlyList<(OsvAdvisory Advisory, OsvAffected Affected)>> _candidates;
    private readonly KevCatalog? _kev;

    /// <summary>
    /// Matches against records another store looks up (an advisory index): <paramref name="candidates"/>
    /// returns the (record, affected entry) pairs for an ecosystem and a name normalised by <see cref="NormaliseName"/>.
    /// </summary>
    public OsvMatcher(Func<Ecosystem, string, IReadOnlyList<(OsvAdvisory Advisory, OsvAffected Affected)>> candidates, KevCatalog? kev = null)
    {
        _candidates = candidates ?? throw new ArgumentNullException(nameof(candidates));
        _kev = kev;
    }

    /// <summary>Builds the index; withdrawn records and unknown ecosystems are left out.</summary>
    public OsvMatcher(IEnumerable<OsvAdvisory> advisories, KevCatalog? kev = null)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        _kev = kev;
        _candidates = (ecosystem, name) => _index.TryGetValue((ecosystem, name), out var list) ? list : [];
        foreach (var advisory in advisories.Where(a => !a.Withdrawn))
        {
            foreach (var affected in advisory.Affected.Where(a => a.Ecosystem is not null))
            {
                var key = (affected.Ecosystem!.Value, NormaliseName(affected.Ecosystem.Value, affected.Package));
                if (!_index.TryGetValue(key, out var list)) _index[key] = list = [];
                list.Add((advisory, affected));
            }
        }
    }

    /// <summary>Every (component, record) pair where the record affects the component's version.</summary>
    public IReadOnlyList<OsvFinding> Match(IEnumerable<PackageUrl> components)
    {
        var findings = new List<OsvFinding>();
        foreach (var purl in components)
        {
            if (purl.Version is null || !EcosystemNames.TryFromPurlType(purl.Type, out var ecosystem)) continue;
            foreach (var (advisory, affected) in _candidates(ecosystem, NormaliseName(ecosystem, PackageNameOf(ecosystem, purl))))
            {
                if (!VersionRangeEvaluator.IsAffected(ecosystem, purl.Version, affected.Ranges, affected.Versions)) continue;
                findings.Add(new OsvFinding(purl, advisory, VersionRangeEvaluator.FixedVersionFor(ecosystem, purl.Version, affected.Ranges, affected.Versions),
                    _kev?.Find(advisory.Aliases.Prepend(advisory.Id))));
            }
        }
        return findings;
    }

    /// <summary>The package name as OSV writes it for a purl of the ecosystem (Maven <c>group:artifact</c>, npm <c>@scope/name</c>, Go module path).</summary>
    public static string PackageNameOf(Ecosystem ecosystem, PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return ecosystem switch
        {
            Ecosystem.Maven => $"{purl.Namespace}:{purl.Name}",
            Ecosystem.Npm or Ecosystem.Go when purl.Namespace is { Length: > 0 } ns => $"{ns}/{purl.Name}",
            _ => purl.Name,
        };
    }

    /// <summary>The name as the ecosystem compares it: PyPI per PEP 503, NuGet and crates.io lower-cased, others as written.</summary>
    public static string NormaliseName(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.PyPI => string.Join('-', name.ToLowerInvariant().Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)),
        Ecosystem.NuGet or Ecosystem.CratesIo => name.ToLowerInvariant(),
        _ => name,
    };
}
