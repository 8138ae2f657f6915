using System.Text.Json;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// Evaluates the ranges of the real OSV records in advisory-data/osv on each side of every boundary:
/// each introduced version is affected, each fixed version is not, a version just below a fix (when
/// above its introduction) is affected, and the suggested upgrade from an introduced version is the
/// fix that closes its interval.
/// </summary>
public sealed class OsvRecordRangeTests
{
    [Fact]
    public void OsvRecords_BoundaryVersions_EvaluateAsTheRecordSays()
    {
        var root = ConformanceData.Require("advisory-data/osv");
        var failures = new List<string>();
        var checks = 0;
        foreach (var file in Directory.GetFiles(root, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var records = doc.RootElement.TryGetProperty("vulns", out var vulns) ? vulns.EnumerateArray().ToList() : [doc.RootElement];
            foreach (var affected in records.SelectMany(r => r.TryGetProperty("affected", out var a) ? a.EnumerateArray() : default))
            {
                Assert.True(EcosystemNames.TryFromOsvName(affected.GetProperty("package").GetProperty("ecosystem").GetString(), out var eco));
                var ranges = OsvJson.Ranges(affected);
                foreach (var range in ranges)
                {
                    var scheme = range.Type == AffectedRangeType.Semver ? Ecosystem.Npm : eco;
                    var sorted = range.Events.OrderBy(e => e.Version == "0" ? null : Parse(scheme, e.Version),
                        Comparer<IComparable?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b))).ToList();
                    for (var i = 0; i < sorted.Count; i++)
                    {
                        var e = sorted[i];
                        void Check(string version, bool expected, string why)
                        {
                            checks++;
                            if (VersionRangeEvaluator.IsAffected(eco, version, ranges, []) != expected)
                                failures.Add($"{Path.GetFileName(file)}: {eco} {version} should be {(expected ? "affected" : "unaffected")} ({why})");
                        }
                        if (e.Kind == RangeEventKind.Introduced && e.Version != "0") Check(e.Version, true, "introduced");
                        if (e.Kind != RangeEventKind.Fixed) continue;
                        Check(e.Version, false, "fixed");
                        var below = JustBelow(scheme, e.Version);
                        if (below is not null && (i == 0 || sorted[i - 1].Version == "0" || Parse(scheme, below)!.CompareTo(Parse(scheme, sorted[i - 1].Version)) >= 0))
                            Check(below, true, $"just below fix {e.Version}");
                        if (i > 0 && sorted[i - 1].Kind == RangeEventKind.Introduced && sorted[i - 1].Version != "0")
                        {
                            checks++;
                            var fix = VersionRangeEvaluator.FixedVersionFor(eco, sorted[i - 1].Version, ranges);
                            if (fix != e.Version) failures.Add($"{Path.GetFileName(file)}: fix for {sorted[i - 1].Version} is {fix}, expected {e.Version}");
                        }
                    }
                }
            }
        }
        Assert.True(checks > 50, $"only {checks} checks ran");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IComparable? Parse(Ecosystem e, string v) => EcosystemVersions.TryParse(e, v, out var p) ? p : null;

    // A version sorting immediately below a release, built per ecosystem; null when none is simple.
    private static string? JustBelow(Ecosystem e, string version) => e switch
    {
        _ when version.Contains('-', StringComparison.Ordinal) => null,
        Ecosystem.PyPI => version + ".dev0",
        Ecosystem.Maven => version + "-alpha-1",
        Ecosystem.Npm or Ecosystem.CratesIo or Ecosystem.Go or Ecosystem.NuGet => version + "-0",
        _ => null,
    };
}
