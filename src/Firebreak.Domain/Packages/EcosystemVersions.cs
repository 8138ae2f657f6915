namespace Firebreak.Domain.Packages;

/// <summary>
/// Compares version strings by the rules of an <see cref="Ecosystem"/>: SemVer for npm, crates.io and
/// Go; PEP 440 for PyPI; NuGet's rules; Maven's ComparableVersion; Gem::Version; dpkg for Debian.
/// </summary>
public static class EcosystemVersions
{
    /// <summary>
    /// Compares two versions: negative when <paramref name="a"/> sorts first, zero when equal, positive
    /// otherwise.
    /// </summary>
    /// <exception cref="FormatException">Either text is not a valid version in the ecosystem.</exception>
    public static int Compare(Ecosystem ecosystem, string a, string b) => ecosystem switch
    {
        Ecosystem.Npm or Ecosystem.CratesIo or Ecosystem.Go => SemanticVersion.Parse(a).CompareTo(SemanticVersion.Parse(b)),
        Ecosystem.PyPI => Pep440Version.Parse(a).CompareTo(Pep440Version.Parse(b)),
        Ecosystem.NuGet => NuGetVersion.Parse(a).CompareTo(NuGetVersion.Parse(b)),
        Ecosystem.Maven => MavenVersion.Parse(a).CompareTo(MavenVersion.Parse(b)),
        Ecosystem.RubyGems => RubyGemsVersion.Parse(a).CompareTo(RubyGemsVersion.Parse(b)),
        Ecosystem.Debian => DebianVersion.Parse(a).CompareTo(DebianVersion.Parse(b)),
    };

    /// <summary>Compares two versions; false when either is not valid in the ecosystem.</summary>
    public static bool TryCompare(Ecosystem ecosystem, string? a, string? b, out int result)
    {
        result = 0;
        if (!TryParse(ecosystem, a, out var va) || !TryParse(ecosystem, b, out var vb)) return false;
        result = va.CompareTo(vb);
        return true;
    }

    /// <summary>
    /// Parses a version of the ecosystem into its typed form (<see cref="SemanticVersion"/>,
    /// <see cref="Pep440Version"/>, <see cref="NuGetVersion"/>, <see cref="MavenVersion"/>,
    /// <see cref="RubyGemsVersion"/> or <see cref="DebianVersion"/>); false when it is not valid there.
    /// </summary>
    public static bool TryParse(Ecosystem ecosystem, string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IComparable? version)
    {
        version = null;
        if (text is null) return false;
        switch (ecosystem)
        {
            case Ecosystem.Npm or Ecosystem.CratesIo or Ecosystem.Go:
                if (SemanticVersion.TryParse(text, out var s, out _)) version = s;
                break;
            case Ecosystem.PyPI:
                if (Pep440Version.TryParse(text, out var p)) version = p;
                break;
            case Ecosystem.NuGet:
                if (NuGetVersion.TryParse(text, out var n, out _)) version = n;
                break;
            case Ecosystem.Maven:
                version = MavenVersion.Parse(text);
                break;
            case Ecosystem.RubyGems:
                if (RubyGemsVersion.TryParse(text, out var r)) version = r;
                break;
            case Ecosystem.Debian:
                if (DebianVersion.TryParse(text, out var d, out _)) version = d;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, "Unknown ecosystem.");
        }
        return version is not null;
    }
}
