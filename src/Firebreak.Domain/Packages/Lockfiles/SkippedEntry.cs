namespace Firebreak.Domain.Packages.Lockfiles;

/// <summary>An entry a reader understood but could not turn into one exact package version (e.g. an unpinned requirement).</summary>
/// <param name="Line">1-based line of the entry (0 when unknown).</param>
/// <param name="Entry">The entry as written.</param>
/// <param name="Reason">Why it was not checked.</param>
public sealed record SkippedEntry(int Line, string Entry, string Reason);
