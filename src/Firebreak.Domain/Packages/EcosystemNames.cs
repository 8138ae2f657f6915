namespace Firebreak.Domain.Packages;

/// <summary>
/// Maps <see cref="Ecosystem"/> to and from the ecosystem names used in OSV records
/// (<c>affected[].package.ecosystem</c>) and the purl types of the same package registries.
/// </summary>
public static class EcosystemNames
{
    // Enum.GetValues allocates a new array on every call; the set is closed, so it is read once.
    private static readonly Ecosystem[] All = Enum.GetValues<Ecosystem>();

    /// <summary>The OSV ecosystem name, e.g. <c>crates.io</c> or <c>PyPI</c>.</summary>
    public static string ToOsvName(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.CratesIo => "crates.io",
        Ecosystem.Go => "Go",
        Ecosystem.PyPI => "PyPI",
        Ecosystem.NuGet => "NuGet",
        Ecosystem.Maven => "Maven",
        Ecosystem.RubyGems => "RubyGems",
        Ecosystem.Debian => "Debian",
        Ecosystem.Alpine => "Alpine",
        Ecosystem.Packagist => "Packagist",
        Ecosystem.Pub => "Pub",
        Ecosystem.Hackage => "Hackage",
        Ecosystem.Cran => "CRAN",
        Ecosystem.RedHat => "Red Hat",
        Ecosystem.ConanCenter => "ConanCenter",
        Ecosystem.Ubuntu => "Ubuntu",
        Ecosystem.RockyLinux => "Rocky Linux",
        Ecosystem.AlmaLinux => "AlmaLinux",
        Ecosystem.Suse => "SUSE",
        Ecosystem.OpenSuse => "openSUSE",
        Ecosystem.Wolfi => "Wolfi",
        Ecosystem.Chainguard => "Chainguard",
        Ecosystem.Hex => "Hex",
        Ecosystem.SwiftUrl => "SwiftURL",
        Ecosystem.Bitnami => "Bitnami",
    };

    /// <summary>The purl type, e.g. <c>cargo</c> or <c>golang</c>.</summary>
    public static string ToPurlType(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Npm => "npm",
        Ecosystem.CratesIo => "cargo",
        Ecosystem.Go => "golang",
        Ecosystem.PyPI => "pypi",
        Ecosystem.NuGet => "nuget",
        Ecosystem.Maven => "maven",
        Ecosystem.RubyGems => "gem",
        Ecosystem.Debian or Ecosystem.Ubuntu => "deb",
        Ecosystem.Alpine or Ecosystem.Wolfi or Ecosystem.Chainguard => "apk",
        Ecosystem.Packagist => "composer",
        Ecosystem.Pub => "pub",
        Ecosystem.Hackage => "hackage",
        Ecosystem.Cran => "cran",
        Ecosystem.RedHat or Ecosystem.RockyLinux or Ecosystem.AlmaLinux or Ecosystem.Suse or Ecosystem.OpenSuse => "rpm",
        Ecosystem.ConanCenter => "conan",
        Ecosystem.Hex => "hex",
        Ecosystem.SwiftUrl => "swift",
        Ecosystem.Bitnami => "bitnami",
    };

    /// <summary>The vers versioning scheme of the ecosystem's versions (see <see cref="VersionSchemes"/>).</summary>
    public static string ToVersScheme(this Ecosystem ecosystem) => VersionSchemes.For(ecosystem).Name;

    /// <summary>
    /// Parses an OSV ecosystem name (exact spelling). OSV qualifies some names with a release after a
    /// colon (<c>Debian:12</c>); the suffix is ignored because it does not change version ordering.
    /// Allocates nothing: it runs for every affected entry an import reads or an index decodes.
    /// </summary>
    public static bool TryFromOsvName(string? name, out Ecosystem ecosystem)
    {
        var baseName = name.AsSpan();
        if (baseName.IndexOf(':') is var colon and >= 0) baseName = baseName[..colon];
        Ecosystem? found = baseName switch
        {
            "npm" => Ecosystem.Npm,
            "crates.io" => Ecosystem.CratesIo,
            "Go" => Ecosystem.Go,
            "PyPI" => Ecosystem.PyPI,
            "NuGet" => Ecosystem.NuGet,
            "Maven" => Ecosystem.Maven,
            "RubyGems" => Ecosystem.RubyGems,
            "Debian" => Ecosystem.Debian,
            "Alpine" => Ecosystem.Alpine,
            "Packagist" => Ecosystem.Packagist,
            "Pub" => Ecosystem.Pub,
            "Hackage" => Ecosystem.Hackage,
            "CRAN" => Ecosystem.Cran,
            "Red Hat" => Ecosystem.RedHat,
            "ConanCenter" => Ecosystem.ConanCenter,
            "Ubuntu" => Ecosystem.Ubuntu,
            "Rocky Linux" => Ecosystem.RockyLinux,
            "AlmaLinux" => Ecosystem.AlmaLinux,
            "SUSE" => Ecosystem.Suse,
            "openSUSE" => Ecosystem.OpenSuse,
            "Wolfi" => Ecosystem.Wolfi,
            "Chainguard" => Ecosystem.Chainguard,
            "Hex" => Ecosystem.Hex,
            "SwiftURL" => Ecosystem.SwiftUrl,
            "Bitnami" => Ecosystem.Bitnami,
            _ => null,
        };
        ecosystem = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>
    /// Parses a purl type (case-insensitive, as purl types are); allocates nothing (it runs per scanned component).
    /// Types several ecosystems share (deb, rpm, apk) give the first: Debian, Red Hat, Alpine.
    /// </summary>
    public static bool TryFromPurlType(string? type, out Ecosystem ecosystem)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToPurlType(), type, StringComparison.OrdinalIgnoreCase))
            {
                ecosystem = candidate;
                return true;
            }
        }
        ecosystem = default;
        return false;
    }
}
