using System.Text.Json;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>Reads OSV <c>affected[].ranges</c> into the evaluator's model (a test-side reader).</summary>
internal static class OsvJson
{
    public static List<AffectedRange> Ranges(JsonElement affected) =>
        !affected.TryGetProperty("ranges", out var ranges) ? [] :
        [.. ranges.EnumerateArray().Select(r => new AffectedRange(
            r.GetProperty("type").GetString() switch
            {
                "SEMVER" => AffectedRangeType.Semver,
                "ECOSYSTEM" => AffectedRangeType.Ecosystem,
                _ => AffectedRangeType.Git,
            },
            [.. r.GetProperty("events").EnumerateArray().SelectMany(e => e.EnumerateObject()).Select(p => new RangeEvent(
                p.Name switch
                {
                    "introduced" => RangeEventKind.Introduced,
                    "fixed" => RangeEventKind.Fixed,
                    "last_affected" => RangeEventKind.LastAffected,
                    _ => RangeEventKind.Limit,
                }, p.Value.GetString()!))]))];
}
