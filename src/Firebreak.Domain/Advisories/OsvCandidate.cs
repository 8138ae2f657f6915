using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// One (record, affected entry) pair a matcher tests components against, for the ecosystem it was looked
/// up under. The entry's parsed bounds are made on first use and kept, so a warm scan parses only the
/// components' versions. Safe to share between threads: racing first uses may both parse, one result is kept.
/// </summary>
/// <param name="advisory">The record.</param>
/// <param name="affected">Its affected entry for the package.</param>
/// <param name="ecosystem">The ecosystem whose rules order the entry's ECOSYSTEM ranges.</param>
public sealed class OsvCandidate(OsvAdvisory advisory, OsvAffected affected, Ecosystem ecosystem)
{
    private AffectedVersionBounds? _bounds;

    /// <summary>The record.</summary>
    public OsvAdvisory Advisory => advisory;

    /// <summary>The record's affected entry for the package.</summary>
    public OsvAffected Affected => affected;

    /// <summary>The ecosystem the entry is evaluated in.</summary>
    public Ecosystem Ecosystem => ecosystem;

    /// <summary>The entry's ranges and versions, parsed once.</summary>
    public AffectedVersionBounds Bounds
    {
        get
        {
            if (Volatile.Read(ref _bounds) is { } bounds) return bounds;
            var made = AffectedVersionBounds.Create(ecosystem, affected.Ranges, affected.Versions);
            return Interlocked.CompareExchange(ref _bounds, made, null) ?? made;
        }
    }
}
