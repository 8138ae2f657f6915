namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>What a lockfile yields: its components (one per package URL), the entries that could not be checked, and who depends on whom.</summary>
/// <param name="Components">Components in first-seen order, duplicates merged.</param>
/// <param name="Skipped">Entries without one exact version; only requirements files produce them.</param>
public sealed record LockfileContents(IReadOnlyList<LockfileComponent> Components, IReadOnlyList<SkippedEntry> Skipped)
{
    /// <summary>The dependency graph where the format records one (<see cref="DependencyGraph.Empty"/> for go.mod and requirements files).</summary>
    public DependencyGraph Graph { get; init; } = DependencyGraph.Empty;
}
