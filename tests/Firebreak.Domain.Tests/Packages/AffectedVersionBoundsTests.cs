using CsCheck;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

public sealed class AffectedVersionBoundsTests
{
    private static readonly Lazy<List<OsvAffected>> SharedEntries = new(() =>
        [.. Directory.EnumerateFiles(ConformanceData.Require("advisory-data/osv"), "*.json")
            .SelectMany(f => OsvAdvisory.ReadAll(File.ReadAllText(f), f)).SelectMany(a => a.Affected).Where(a => a.Ecosystem is not null)]);

    private static readonly Gen<string> Versions = Gen.OneOf(
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12], Gen.Int[0, 12]).Select((a, b, c) => $"{a}.{b}.{c}"),
        Gen.Int[0, 20].Select(a => $"{a}.0"),
        Gen.OneOf(Gen.Const("1.0.0-rc.1"), Gen.Const("v1.2.3"), Gen.Const("0"), Gen.Const("not a version"), Gen.Const("2.0.0.post1")));

    [Fact]
    public void IsAffectedAndFixedVersionFor_OneInstanceReusedInAnyOrder_AgreeWithAFreshEvaluationEachTime()
    {
        var entries = SharedEntries.Value;
        Assert.NotEmpty(entries);
        // Reusing one instance (and its memo of affected fixes) must never change an answer.
        Gen.Select(Gen.Int[0, entries.Count - 1], Versions.Array[1, 12]).Sample((entry, versions) =>
        {
            var affected = entries[entry];
            var ecosystem = affected.Ecosystem!.Value;
            var reused = AffectedVersionBounds.Create(ecosystem, affected.Ranges, affected.Versions);
            foreach (var version in versions)
            {
                var fresh = AffectedVersionBounds.Create(ecosystem, affected.Ranges, affected.Versions);
                if (reused.IsAffected(version) != fresh.IsAffected(version)) return false;
                if (reused.FixedVersionFor(version) != fresh.FixedVersionFor(version)) return false;
            }
            return true;
        });
    }

    [Theory]
    [InlineData("1.0.0", true, "1.0.1")]
    [InlineData("1.0.1", false, null)]
    [InlineData("2.0.0", true, "2.0.1")]
    [InlineData("not a version", false, null)]
    public void Create_TwoIntervals_AnswersLikeTheEvaluator(string version, bool affected, string? fix)
    {
        AffectedRange range = new(AffectedRangeType.Semver, [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.Fixed, "1.0.1"),
            new(RangeEventKind.Introduced, "2.0.0"), new(RangeEventKind.Fixed, "2.0.1")]);
        var bounds = AffectedVersionBounds.Create(Ecosystem.Npm, [range]);

        Assert.Equal(affected, bounds.IsAffected(version));
        Assert.Equal(fix, affected ? bounds.FixedVersionFor(version) : null);
        Assert.Equal(affected, VersionRangeEvaluator.IsAffected(Ecosystem.Npm, version, [range]));
    }
}
