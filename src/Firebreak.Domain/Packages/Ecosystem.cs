namespace Firebreak.Domain.Packages;

/// <summary>
/// A package ecosystem whose version ordering Firebreak understands. Each value fixes the comparison
/// rules (see <see cref="EcosystemVersions"/>) and maps to an OSV ecosystem name and a purl type
/// (see <see cref="EcosystemNames"/>).
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
}
