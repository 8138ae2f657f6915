namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>What a lockfile yields: its components (one per package URL) and the entries that could not be checked.</summary>
/// <param name="Components">Components in first-seen order, duplicates merged.</param>
/// <param name="Skipped">Entries without one exact version; only requirements files produce them.</param>
public sealed record LockfileContents(IReadOnlyList<LockfileComponent> Components, IReadOnlyList<SkippedEntry> Skipped);
