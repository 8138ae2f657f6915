namespace Firebreak.Domain.Packages;

/// <summary>
/// A package ecosystem whose version ordering Firebreak understands. Each value fixes the comparison
/// rules (its <see cref="VersionScheme"/>, see <see cref="VersionSchemes.For"/>) and maps to an OSV ecosystem
/// name and a purl type (see <see cref="EcosystemNames"/>). New values are only ever appended: the advisory
/// index stores the number.
/// </summary>
public enum Ecosystem
{
    /// <summary>npm (Node.js); versions are SemVer 2.0.0.</summary>
    Npm,

    /// <summary>crates.io (Rust); versions are SemVer 2.0.0.</summary>
    CratesIo,

    /// <summary>Go modules; SemVer with a 'v' prefix, pseudo-versions and '+incompatible' as build metadata.</summary>
    Go,

    /// <summary>PyPI (Python); versions follow PEP 440.</summary>
    PyPI,

    /// <summary>NuGet (.NET); NuGet's SemVer 2 rules (four numeric parts, case-insensitive labels).</summary>
    NuGet,

    /// <summary>Maven (Java); Maven's ComparableVersion ordering.</summary>
    Maven,

    /// <summary>RubyGems (Ruby); Gem::Version ordering.</summary>
    RubyGems,

    /// <summary>Debian packages; dpkg's version comparison (epoch, upstream, revision).</summary>
    Debian,

    /// <summary>Alpine Linux packages; apk's version comparison.</summary>
    Alpine,

    /// <summary>Packagist (PHP Composer); PHP's version_compare.</summary>
    Packagist,

    /// <summary>pub.dev (Dart, Flutter); pub_semver.</summary>
    Pub,

    /// <summary>Hackage (Haskell); lists of numbers.</summary>
    Hackage,

    /// <summary>CRAN (R); R's package_version.</summary>
    Cran,

    /// <summary>Red Hat packages; rpmvercmp (epoch, version, release).</summary>
    RedHat,

    /// <summary>ConanCenter (C and C++); Conan 2's version model.</summary>
    ConanCenter,

    /// <summary>Ubuntu packages; dpkg's version comparison.</summary>
    Ubuntu,

    /// <summary>Rocky Linux packages; rpmvercmp.</summary>
    RockyLinux,

    /// <summary>AlmaLinux packages; rpmvercmp.</summary>
    AlmaLinux,

    /// <summary>SUSE packages; rpmvercmp.</summary>
    Suse,

    /// <summary>openSUSE packages; rpmvercmp.</summary>
    OpenSuse,

    /// <summary>Wolfi packages; apk's version comparison.</summary>
    Wolfi,

    /// <summary>Chainguard packages; apk's version comparison.</summary>
    Chainguard,

    /// <summary>Hex (Erlang, Elixir); SemVer 2.0.0.</summary>
    Hex,

    /// <summary>Swift packages named by URL; SemVer 2.0.0.</summary>
    SwiftUrl,

    /// <summary>Bitnami images and charts; SemVer 2.0.0.</summary>
    Bitnami,
}
