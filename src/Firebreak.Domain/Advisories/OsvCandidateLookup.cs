using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Gives the candidates for a package: <paramref name="normalisedName"/> is the name as OSV writes it,
/// normalised by <see cref="OsvMatcher.NormaliseName(Ecosystem, string)"/>; a span, so a scan builds it
/// without allocating. Returns an empty list for an unknown package; must be safe to call from several threads.
/// </summary>
/// <param name="ecosystem">The component's ecosystem.</param>
/// <param name="normalisedName">The normalised package name.</param>
public delegate IReadOnlyList<OsvCandidate> OsvCandidateLookup(Ecosystem ecosystem, ReadOnlySpan<char> normalisedName);
