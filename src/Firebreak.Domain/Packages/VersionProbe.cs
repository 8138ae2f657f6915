namespace Firebreak.Domain.Packages;

/// <summary>
/// A version being tested against many ranges, parsed at most once per scheme: SEMVER ranges order it as
/// SemVer (<see cref="Ecosystem.Npm"/>), ECOSYSTEM ranges by the ecosystem's rules. Npm, crates.io and Go
/// parse both the same way, so they share one slot. A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct VersionProbe(Ecosystem ecosystem, string text)
{
    private const byte SemverDone = 1, NativeDone = 2;
    private IComparable? _semver;
    private IComparable? _native;
    private byte _done;

    public readonly string Text => text;

    /// <summary>The version under a range's scheme (SemVer when <paramref name="semverScheme"/>); null when it does not parse there.</summary>
    public IComparable? For(bool semverScheme)
    {
        if (!semverScheme || ecosystem is Ecosystem.Npm or Ecosystem.CratesIo or Ecosystem.Go)
        {
            if ((_done & NativeDone) == 0)
            {
                _native = EcosystemVersions.TryParse(ecosystem, text, out var v) ? v : null;
                _done |= NativeDone;
            }
            return _native;
        }
        if ((_done & SemverDone) == 0)
        {
            _semver = EcosystemVersions.TryParse(Ecosystem.Npm, text, out var v) ? v : null;
            _done |= SemverDone;
        }
        return _semver;
    }
}
