using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// Compares version strings by the rules of an <see cref="Ecosystem"/>, through its <see cref="VersionScheme"/>
/// (<see cref="VersionSchemes.For"/>): SemVer for npm, crates.io and Go; PEP 440 for PyPI; NuGet's rules; Maven's
/// ComparableVersion; Gem::Version; dpkg; apk; rpmvercmp; PHP's version_compare; pub_semver; and so on.
/// </summary>
public static class EcosystemVersions
{
    /// <summary>
    /// Compares two versions: negative when <paramref name="a"/> sorts first, zero when equal, positive
    /// otherwise.
    /// </summary>
    /// <exception cref="FormatException">Either text is not a valid version in the ecosystem.</exception>
    public static int Compare(Ecosystem ecosystem, string a, string b) => VersionSchemes.For(ecosystem).Compare(a, b);

    /// <summary>Compares two versions; false when either is not valid in the ecosystem.</summary>
    public static bool TryCompare(Ecosystem ecosystem, string? a, string? b, out int result)
    {
        result = 0;
        if (!TryParse(ecosystem, a, out var va) || !TryParse(ecosystem, b, out var vb)) return false;
        result = va.CompareTo(vb);
        return true;
    }

    /// <summary>Parses a version of the ecosystem into its typed form; false when it is not valid there.</summary>
    public static bool TryParse(Ecosystem ecosystem, string? text, [NotNullWhen(true)] out IComparable? version)
    {
        version = null;
        return text is not null && VersionSchemes.For(ecosystem).TryParse(text, out version, out _);
    }
}
