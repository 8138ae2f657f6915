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
/// names <c>@scope/name</c>; Go names the module path. Each candidate's bounds are parsed once and kept,
/// and a component's name is built on the stack, so a warm scan allocates little beyond its findings.
/// <see cref="Match"/> may be called from several threads at once.
/// </summary>
public sealed class OsvMatcher
{
    // Names up to this many UTF-16 units are built on the stack; longer ones (rare) as strings.
    private const int StackName = 256;
    private readonly Dictionary<string, List<OsvCandidate>>.AlternateLookup<ReadOnlySpan<char>>[] _index = [];
    private readonly OsvCandidateLookup _candidates;
    private readonly KevCatalog? _kev;

    /// <summary>Matches against records another store looks up (an advisory index).</summary>
    public OsvMatcher(OsvCandidateLookup candidates, KevCatalog? kev = null)
    {
        _candidates = candidates ?? throw new ArgumentNullException(nameof(candidates));
        _kev = kev;
    }

    /// <summary>Builds the index; withdrawn records and unknown ecosystems are left out.</summary>
    public OsvMatcher(IEnumerable<OsvAdvisory> advisories, KevCatalog? kev = null)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        _kev = kev;
        var byEcosystem = Enum.GetValues<Ecosystem>().Select(_ => new Dictionary<string, List<OsvCandidate>>(StringComparer.Ordinal)).ToArray();
        foreach (var advisory in advisories.Where(a => !a.Withdrawn))
        {
            foreach (var affected in advisory.Affected)
            {
                if (affected.Ecosystem is not { } ecosystem) continue;
                var packages = byEcosystem[(int)ecosystem];
                var name = NormaliseName(ecosystem, affected.Package);
                if (!packages.TryGetValue(name, out var list)) packages[name] = list = [];
                list.Add(new OsvCandidate(advisory, affected, ecosystem));
            }
        }
        _index = [.. byEcosystem.Select(d => d.GetAlternateLookup<ReadOnlySpan<char>>())];
        _candidates = (ecosystem, name) => _index[(int)ecosystem].TryGetValue(name, out var list) ? list : Array.Empty<OsvCandidate>();
    }

    /// <summary>Every (component, record) pair where the record affects the component's version.</summary>
    public IReadOnlyList<OsvFinding> Match(IEnumerable<PackageUrl> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var findings = new List<OsvFinding>();
        Span<char> buffer = stackalloc char[StackName];
        foreach (var purl in components)
        {
            if (purl.Version is null || !EcosystemNames.TryFromPurlType(purl.Type, out var ecosystem)) continue;
            var candidates = _candidates(ecosystem, LookupName(ecosystem, purl, buffer));
            if (candidates.Count == 0) continue;
            var probe = new VersionProbe(ecosystem, purl.Version);
            foreach (var candidate in candidates)
            {
                var bounds = candidate.Bounds;
                if (!bounds.IsAffected(ref probe)) continue;
                findings.Add(new OsvFinding(purl, candidate.Advisory, bounds.FixedVersionFor(ref probe),
                    _kev?.Find(candidate.Advisory.Aliases.Prepend(candidate.Advisory.Id))));
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
    public static string NormaliseName(Ecosystem ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ecosystem is not (Ecosystem.PyPI or Ecosystem.NuGet or Ecosystem.CratesIo)) return name;
        var buffer = name.Length <= StackName ? stackalloc char[StackName] : new char[name.Length];
        return new string(buffer[..NormaliseName(ecosystem, name, buffer)]);
    }

    /// <summary>
    /// Writes <paramref name="name"/> normalised into <paramref name="destination"/> (at least as long) and
    /// returns the length: PyPI lower-cased with each run of '-', '_' and '.' made one '-' and none at
    /// the ends (PEP 503); NuGet and crates.io lower-cased; others copied.
    /// </summary>
    private static int NormaliseName(Ecosystem ecosystem, ReadOnlySpan<char> name, Span<char> destination)
    {
        switch (ecosystem)
        {
            case Ecosystem.PyPI:
                var lowered = name.ToLowerInvariant(destination);
                var length = 0;
                var separator = false;
                foreach (var c in destination[..lowered])
                {
                    if (c is '-' or '_' or '.')
                    {
                        separator = length > 0;
                        continue;
                    }
                    if (separator) destination[length++] = '-';
                    separator = false;
                    destination[length++] = c;
                }
                return length;
            case Ecosystem.NuGet or Ecosystem.CratesIo:
                return name.ToLowerInvariant(destination);
            default:
                name.CopyTo(destination);
                return name.Length;
        }
    }

    /// <summary>The purl's package name as OSV writes it, normalised, in <paramref name="buffer"/> when it fits.</summary>
    private static ReadOnlySpan<char> LookupName(Ecosystem ecosystem, PackageUrl purl, Span<char> buffer)
    {
        var joiner = ecosystem switch
        {
            Ecosystem.Maven => ':',
            Ecosystem.Npm or Ecosystem.Go when purl.Namespace is { Length: > 0 } => '/',
            _ => '\0',
        };
        var ns = joiner == '\0' ? "" : purl.Namespace ?? "";
        var length = joiner == '\0' ? purl.Name.Length : ns.Length + 1 + purl.Name.Length;
        if (length > buffer.Length) return NormaliseName(ecosystem, PackageNameOf(ecosystem, purl));
        if (joiner == '\0')
        {
            if (ecosystem is not (Ecosystem.PyPI or Ecosystem.NuGet or Ecosystem.CratesIo)) return purl.Name;
            return buffer[..NormaliseName(ecosystem, purl.Name, buffer)];
        }
        ns.CopyTo(buffer);
        buffer[ns.Length] = joiner;
        purl.Name.CopyTo(buffer[(ns.Length + 1)..]);
        return buffer[..length];
    }
}
