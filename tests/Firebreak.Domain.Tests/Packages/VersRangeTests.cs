using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>The vers reader, validator, normaliser and containment, from the vers specification's text.</summary>
public sealed class VersRangeTests
{
    [Theory]
    [InlineData("vers:npm/1.2.3", "vers:npm/1.2.3")]
    [InlineData("vers:npm/>1.2.3", "vers:npm/>1.2.3")]
    [InlineData("vers:npm/!=1.2.3", "vers:npm/!=1.2.3")]
    [InlineData("vers:npm/>=1.0.0|!=1.2.0|<2.0.0", "vers:npm/>=1.0.0|!=1.2.0|<2.0.0")]
    [InlineData("vers:maven/>=1.0.0-beta1|<=1.7.5|>=7.0.0-M1|<=7.0.7|>=7.1.0|<=7.1.2|>=8.0.0-M1|<=8.0.1", "vers:maven/>=1.0.0-beta1|<=1.7.5|>=7.0.0-M1|<=7.0.7|>=7.1.0|<=7.1.2|>=8.0.0-M1|<=8.0.1")]
    [InlineData("vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1", "vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1")]
    [InlineData("vers:deb/*", "vers:deb/*")]
    [InlineData("vers:lexicographic/%3C%3E", "vers:lexicographic/%3C%3E")]
    public void Parse_CanonicalText_RoundTrips(string text, string expected) => Assert.Equal(expected, VersRange.Parse(text).ToString());

    [Theory]
    [InlineData("vers:npm/ >=1.0.0", 9, "no spaces")]
    [InlineData("vers:npm/<2.0.0|>=1.0.0", 16, "sorted by version")]
    [InlineData("vers:npm/>=1.0.0|<1.0.0", 17, "appears twice")]
    [InlineData("vers:pypi/>=1.0|<1.0.0", 16, "appears twice")]
    [InlineData("vers:npm/>=1.0.0|>=2.0.0", 17, "do not alternate")]
    [InlineData("vers:npm/1.0.0|<2.0.0", 15, "may be followed only")]
    [InlineData("vers:npm/>=1.0.0||<2.0.0", 17, "empty constraint")]
    [InlineData("vers:npm/|1.0.0", 9, "empty constraint")]
    [InlineData("vers:npm/1.0.0%2", 14, "two hex digits")]
    [InlineData("vers:generic/%ff", 13, "not UTF-8")]
    [InlineData("vers:npm/1.0.0=", 14, "percent-encoded")]
    [InlineData("vers:npm/*|1.0.0", 9, "'*' must be alone")]
    [InlineData("VERS:npm/1.0.0", 0, "lower case")]
    [InlineData("vers:NPM/1.0.0", 5, "lower case")]
    [InlineData("vers:nope/1.0.0", 5, "unknown versioning scheme")]
    [InlineData("vers:npm/", 9, "at least one constraint")]
    [InlineData("vers:npm/>=", 11, "needs a version")]
    [InlineData("vers:npm/>=1.0.0-a%20b", 11, "is not a npm version")]
    [InlineData("vers:all/1.0", 9, "only form")]
    public void TryParse_WhatTheSpecificationForbids_SaysWhatAndWhere(string text, int position, string what)
    {
        Assert.False(VersRange.TryParse(text, out _, out var error));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void TryParse_RedundantConstraint_IsRefusedWhereItStands()
    {
        Assert.False(VersRange.TryParse("vers:npm/>=1.0.0|2.0.0", out _, out var error));
        Assert.Equal(17, error.Position);
        Assert.Contains("redundant", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" vers:npm / < 2.0.0 | > = 1.0.0", null)]
    [InlineData("vers:npm/<2.0.0|>=1.0.0|", "vers:npm/>=1.0.0|<2.0.0")]
    [InlineData("vers:npm/||<2.0.0||>=1.0.0", "vers:npm/>=1.0.0|<2.0.0")]
    [InlineData("vers:npm/>=1.0.0|>=1.5.0|<2.0.0", "vers:npm/>=1.0.0|<2.0.0")]
    [InlineData("vers:npm/<1.0.0|<2.0.0|3.0.0", "vers:npm/<2.0.0|3.0.0")]
    [InlineData("vers:npm/1.0.0|<2.0.0", "vers:npm/<2.0.0")]
    [InlineData("vers:gem/>=2.2.0|!= 2.2.1|<2.3.0", "vers:gem/>=2.2.0|!=2.2.1|<2.3.0")]
    public void Normalize_SpecificationParse_GivesTheCanonicalForm(string text, string? expected)
    {
        // The spaces inside '> =' are removed first, as the specification says, so the first case is >=1.0.0.
        var normal = VersRange.Normalize(text).ToString();
        Assert.Equal(expected ?? "vers:npm/>=1.0.0|<2.0.0", normal);
        Assert.Equal(normal, VersRange.Normalize(normal).ToString());
        Assert.Equal(normal, VersRange.Parse(normal).ToString());
    }

    [Theory]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "1.5.0", true)]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "2.0.0", false)]
    [InlineData("vers:npm/>=1.0.0|<2.0.0", "2.0.0-beta", true)]
    [InlineData("vers:npm/>1.0.0", "1.0.0", false)]
    [InlineData("vers:npm/>1.0.0", "1.0.1", true)]
    [InlineData("vers:npm/<=1.0.0", "1.0.0", true)]
    [InlineData("vers:npm/1.2.3|>=2.0.0|<5.0.0", "1.2.3", true)]
    [InlineData("vers:npm/1.2.3|>=2.0.0|<5.0.0", "1.2.4", false)]
    [InlineData("vers:npm/1.2.3|>=2.0.0|<5.0.0", "4.9.9", true)]
    [InlineData("vers:npm/!=1.2.3", "1.2.3", false)]
    [InlineData("vers:npm/!=1.2.3", "0.0.1", true)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "1.5.0", false)]
    [InlineData("vers:npm/<1.0.0|>=2.0.0", "9.0.0", true)]
    [InlineData("vers:npm/>=1.0.0|!=1.5.0|<2.0.0", "1.5.0", false)]
    [InlineData("vers:deb/*", "1:2.3-4", true)]
    [InlineData("vers:alpine/>=1.2.3-r1|<1.3", "1.2.3-r2", true)]
    [InlineData("vers:rpm/<1:1.0", "2.0", true)]
    [InlineData("vers:pypi/<2.0", "2.0rc1", false)]
    [InlineData("vers:pypi/<2.0rc2", "2.0rc1", true)]
    [InlineData("vers:pypi/>1.7", "1.7.post1", false)]
    [InlineData("vers:pypi/>1.7", "1.7.0.1", true)]
    [InlineData("vers:pypi/>1.7.post1", "1.7.post2", true)]
    [InlineData("vers:pypi/1.7", "1.7+local", true)]
    [InlineData("vers:pypi/<=1.7", "1.7+local", true)]
    [InlineData("vers:pypi/!=1.7", "1.7.0+abc", false)]
    [InlineData("vers:datetime/>=2024-01-01T00:00:00Z|<2024-02-01T00:00:00+01:00", "2024-01-31T23:30:00Z", false)]
    public void Contains_FollowsTheSpecificationsAlgorithm(string range, string version, bool expected) =>
        Assert.Equal(expected, VersRange.Parse(range).Contains(version));

    [Fact]
    public void Contains_VersionOfAnotherScheme_IsAPreciseError()
    {
        var e = Assert.Throws<VersionFormatException>(() => VersRange.Parse("vers:nginx/>=1.2.3").Contains("1.2"));
        Assert.Equal(3, e.Error.Position);
    }
}
