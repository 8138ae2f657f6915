using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Advisories.Index;

public class RustSecRangesTests
{
    private static CargoRequirement[] Requirements(params string[] texts) =>
        [.. texts.Select(t => CargoRequirement.TryParse(t, out var r, out _) ? r : throw new ArgumentException(t))];

    [Theory]
    [InlineData(new[] { ">= 0.6.3" }, new string[0], "introduced 0, fixed 0.6.3")]
    [InlineData(new[] { ">= 1.2.3, < 1.3.0", ">= 1.3.4" }, new[] { "<= 0.1.2" }, "introduced 0.1.3-0, fixed 1.2.3, introduced 1.3.0, fixed 1.3.4")]
    [InlineData(new[] { "> 2.0.0" }, new string[0], "introduced 0, last_affected 2.0.0")]
    // ^0.5.2 never matches 0.6.0's prereleases, so they are affected: the gap opens at 0.6.0-0.
    [InlineData(new[] { "^0.5.2", ">= 0.6.1" }, new[] { "< 0.5.0" }, "introduced 0.5.0, fixed 0.5.2, introduced 0.6.0-0, fixed 0.6.1")]
    // Cargo's 1.2.* is >=1.2.0, <1.3.0 (the old reader made it <2.0.0).
    [InlineData(new[] { "1.2.*" }, new string[0], "introduced 0, fixed 1.2.0, introduced 1.3.0-0")]
    [InlineData(new[] { "= 1.0.0-alpha" }, new string[0], "introduced 0, fixed 1.0.0-alpha, introduced 1.0.0-alpha.0")]
    [InlineData(new string[0], new string[0], "introduced 0")]
    [InlineData(new[] { ">= 0.0.0" }, new string[0], "introduced 0, fixed 0.0.0")]
    public void Affected_Requirements_AreTheGapsBetweenThem(string[] patched, string[] unaffected, string events)
    {
        var range = RustSecRanges.Affected(Requirements(patched), Requirements(unaffected));
        var text = string.Join(", ", range.Events.Select(e => $"{e.Kind switch { RangeEventKind.LastAffected => "last_affected", var k => k.ToString().ToLowerInvariant() }} {e.Version}"));
        Assert.Equal(events, text);
    }

    [Fact]
    public void Affected_EveryRealAdvisory_AgreesWithRustSecsOwnRuleOnEveryBoundary()
    {
        var (advisories, _) = CargoAudit.LoadDatabase(Tests.Common.ConformanceData.Require("advisory-data/rustsec"));
        var checkedVersions = 0;
        foreach (var advisory in advisories.Where(a => !a.Withdrawn))
        {
            var range = RustSecRanges.Affected(advisory.Patched, advisory.Unaffected);
            var probes = advisory.Patched.Concat(advisory.Unaffected).SelectMany(r => r.Intervals.Items).SelectMany(i => new[] { i.Low.At, i.High.At })
                .OfType<SemanticVersion>().Select(v => $"{string.Join('.', v.Core.Select(c => c.Length == 0 ? "0" : c))}")
                .SelectMany(v => new[] { v, v + "-0", v + "-alpha", Bump(v) }).Append("0.0.1").Append("99.0.0").Distinct();
            foreach (var probe in probes)
            {
                var version = SemanticVersion.Parse(probe);
                Assert.True(advisory.Affects(version) == VersionRangeEvaluator.IsAffected(Ecosystem.CratesIo, probe, [range]), $"{advisory.Id} at {probe}");
                checkedVersions++;
            }
        }
        Assert.True(checkedVersions > 5000, $"only {checkedVersions} checks");
    }

    private static string Bump(string version)
    {
        var core = version.Split('-')[0].Split('.');
        return $"{core[0]}.{core[1]}.{long.Parse(core[2], System.Globalization.CultureInfo.InvariantCulture) + 1}";
    }
}
