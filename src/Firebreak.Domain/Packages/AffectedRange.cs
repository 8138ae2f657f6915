namespace Firebreak.Domain.Packages;

/// <summary>An OSV <c>affected[].ranges[]</c> entry: a range type and its events, in any order.</summary>
/// <param name="Type">How the event versions are ordered.</param>
/// <param name="Events">The events; the evaluator sorts them.</param>
public sealed record AffectedRange(AffectedRangeType Type, IReadOnlyList<RangeEvent> Events);
