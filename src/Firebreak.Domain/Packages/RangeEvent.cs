namespace Firebreak.Domain.Packages;

/// <summary>One OSV range event: its kind and the version (or commit) it names.</summary>
/// <param name="Kind">introduced, fixed, last_affected or limit.</param>
/// <param name="Version">The version text as the record gives it.</param>
public readonly record struct RangeEvent(RangeEventKind Kind, string Version);
