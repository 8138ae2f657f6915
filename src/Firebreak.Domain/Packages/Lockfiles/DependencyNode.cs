namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>One package of a <see cref="DependencyGraph"/>, as the lockfile names it.</summary>
/// <param name="Name">The package name as the ecosystem writes it (<c>@scope/name</c>, <c>Newtonsoft.Json</c>).</param>
/// <param name="Version">The installed version as written.</param>
/// <param name="Purl">The component's package URL; null for a node that is no registry component (a git gem, a sibling project,
/// a purl-less SBOM entry), which a path may pass through but no finding is about.</param>
public sealed record DependencyNode(string Name, string Version, PackageUrl? Purl)
{
    /// <summary>The step text of a dependency path: <c>name version</c>, as <c>cargo tree -i</c> prints it.</summary>
    public string Step => Version.Length == 0 ? Name : $"{Name} {Version}";
}
