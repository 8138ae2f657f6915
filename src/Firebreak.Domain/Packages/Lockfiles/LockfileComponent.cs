namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>A package a lockfile installs, as the format-neutral result of <see cref="Lockfile"/>.</summary>
/// <param name="Purl">Its package URL (pkg:npm, pkg:nuget, pkg:pypi, pkg:golang or pkg:gem).</param>
/// <param name="Direct">True when the project itself asks for it, false when only another package does; null when the format does not say.</param>
/// <param name="Development">Installed only for development or tests, not shipped (false when the format does not say).</param>
public sealed record LockfileComponent(PackageUrl Purl, bool? Direct, bool Development);
