using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

public sealed class VersionRangeEvaluatorTests
{
    private static AffectedRange Range(AffectedRangeType type, params (RangeEventKind Kind, string Version)[] events) =>
        new(type, [.. events.Select(e => new RangeEvent(e.Kind, e.Version))]);

    private static readonly AffectedRange TwoIntervals = Range(AffectedRangeType.Semver,
        (RangeEventKind.Introduced, "0"), (RangeEventKind.Fixed, "1.0.1"),
        (RangeEventKind.Introduced, "2.0.0"), (RangeEventKind.Fixed, "2.0.1"));

    [Theory]
    [InlineData("0.0.1", true)]
    [InlineData("1.0.0", true)]
    [InlineData("1.0.1-rc.1", true)]
    [InlineData("1.0.1", false)]
    [InlineData("1.5.0", false)]
    [InlineData("2.0.0-beta", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.0.1", false)]
    [InlineData("v2.0.0", true)]
    public void IsAffected_TwoIntervals_FixedIsExclusive(string version, bool expected) =>
        Assert.Equal(expected, VersionRangeEvaluator.IsAffected(Ecosystem.Npm, version, [TwoIntervals], []));

    [Theory]
    [InlineData("1.2", false)]
    [InlineData("1.3", true)]
    [InlineData("1.4.post1", true)]
    [InlineData("1.5", true)]
    [InlineData("1.5.post1", false)]
    [InlineData("1.6", false)]
    public void IsAffected_LastAffected_IsInclusive(string version, bool expected)
    {
        var range = Range(AffectedRangeType.Ecosystem, (RangeEventKind.LastAffected, "1.5"), (RangeEventKind.Introduced, "1.3"));
        Assert.Equal(expected, VersionRangeEvaluator.IsAffected(Ecosystem.PyPI, version, [range], []));
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("2.5", true)]
    [InlineData("3.0", false)]
    [InlineData("3.1", false)]
    public void IsAffected_Limit_BoundsTheRange(string version, bool expected)
    {
        var range = Range(AffectedRangeType.Ecosystem, (RangeEventKind.Introduced, "0"), (RangeEventKind.Limit, "3.0"));
        Assert.Equal(expected, VersionRangeEvaluator.IsAffected(Ecosystem.Maven, version, [range], []));
    }

    [Fact]
    public void IsAffected_GitRange_IsNotEvaluatedButVersionsListIs()
    {
        var git = Range(AffectedRangeType.Git, (RangeEventKind.Introduced, "0"), (RangeEventKind.Fixed, "abc123"));
        Assert.False(VersionRangeEvaluator.IsAffected(Ecosystem.Go, "1.0.0", [git], []));
        Assert.True(VersionRangeEvaluator.IsAffected(Ecosystem.Go, "1.0.0", [git], ["1.0.0"]));
    }

    [Fact]
    public void IsAffected_UnparseableIntroduced_FailsTowardsAffected()
    {
        var range = Range(AffectedRangeType.Ecosystem, (RangeEventKind.Introduced, "not a version!"), (RangeEventKind.Fixed, "2.0.0"));
        Assert.True(VersionRangeEvaluator.IsAffected(Ecosystem.NuGet, "1.0.0", [range], []));
        Assert.False(VersionRangeEvaluator.IsAffected(Ecosystem.NuGet, "2.0.0", [range], []));
    }

    [Theory]
    [InlineData("0.5.0", "1.0.1")]
    [InlineData("2.0.0", "2.0.1")]
    [InlineData("3.0.0", null)]
    public void FixedVersionFor_AffectedVersion_SuggestsLowestFixAbove(string version, string? expected) =>
        Assert.Equal(expected, VersionRangeEvaluator.FixedVersionFor(Ecosystem.Npm, version, [TwoIntervals]));

    [Fact]
    public void FixedVersionFor_FixStillAffectedByAnotherRange_SkipsIt()
    {
        var other = Range(AffectedRangeType.Semver, (RangeEventKind.Introduced, "1.0.1"), (RangeEventKind.Fixed, "1.2.0"));
        Assert.Equal("1.2.0", VersionRangeEvaluator.FixedVersionFor(Ecosystem.Npm, "0.5.0", [TwoIntervals, other]));
    }
}
