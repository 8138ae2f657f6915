using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>Native range notations: their own meaning, their vers form, their errors (what and where).</summary>
public sealed class NativeRangeTests
{
    private static NativeRange Range(string scheme, string text) => NativeRange.Parse(VersionSchemes.All.Single(s => s.Name == scheme), text);

    [Theory]
    [InlineData("npm", "2.1.4", "vers:npm/2.1.4")]
    [InlineData("npm", "^1.2.3", "vers:npm/>=1.2.3|<2.0.0-0")]
    [InlineData("npm", "^0.2.3", "vers:npm/>=0.2.3|<0.3.0-0")]
    [InlineData("npm", "~1.2", "vers:npm/>=1.2.0-0|<1.3.0-0")]
    [InlineData("npm", "1.x || >=2.5.0 || 5.0.0 - 7.2.3", "vers:npm/>=1.0.0-0|<2.0.0-0|>=2.5.0")]
    [InlineData("npm", "1.2.3 - 2.3", "vers:npm/>=1.2.3-0|<2.4.0-0")]
    [InlineData("npm", ">=1.0.0 <2.0.0 || 3.0.0", "vers:npm/>=1.0.0|<2.0.0|3.0.0")]
    [InlineData("npm", "*", "vers:npm/*")]
    [InlineData("pypi", ">=1.0,<2.0,!=1.5", "vers:pypi/>=1.0|!=1.5|<2.0")]
    [InlineData("pypi", ">=1.0,<=2.0", "vers:pypi/>=1.0|<=2.0")]
    [InlineData("pypi", "~=2.2", "vers:pypi/>=2.2|<3")]
    [InlineData("pypi", "~=1.4.5", "vers:pypi/>=1.4.5|<1.5")]
    [InlineData("pypi", "==1.4.*", "vers:pypi/>=1.4.dev0|<1.5")]
    [InlineData("pypi", "!=1.7", "vers:pypi/!=1.7")]
    [InlineData("pypi", ">1.7", "vers:pypi/>1.7")]
    [InlineData("pypi", "<2", "vers:pypi/<2")]
    [InlineData("maven", "[1.0,2.0)", "vers:maven/>=1.0|<2.0")]
    [InlineData("maven", "(,1.0],[1.2,)", "vers:maven/<=1.0|>=1.2")]
    [InlineData("maven", "(,1.1),(1.1,)", "vers:maven/!=1.1")]
    [InlineData("maven", "[1.5]", "vers:maven/1.5")]
    [InlineData("maven", "1.0", "vers:maven/>=1.0")]
    [InlineData("nuget", "[1.0, 2.0)", "vers:nuget/>=1.0|<2.0")]
    [InlineData("nuget", "(1.0,)", "vers:nuget/>1.0")]
    [InlineData("nuget", "1.0", "vers:nuget/>=1.0")]
    [InlineData("gem", "~> 2.2.0, != 2.2.1", "vers:gem/>=2.2.0|!=2.2.1|<2.3")]
    [InlineData("gem", "~> 1.2", "vers:gem/>=1.2|<2")]
    [InlineData("gem", "1.0", "vers:gem/1.0")]
    [InlineData("cargo", "1.2.*", "vers:cargo/>=1.2.0|<1.3.0-0")]
    [InlineData("cargo", "^1.2.3", "vers:cargo/>=1.2.3|<2.0.0-0")]
    [InlineData("cargo", ">= 1.2, < 1.5", "vers:cargo/>=1.2.0|<1.5.0-0")]
    [InlineData("cargo", "=0.3", "vers:cargo/>=0.3.0|<0.4.0-0")]
    [InlineData("cargo", "*", "vers:cargo/*")]
    [InlineData("golang", "[v1.0.0, v1.9.9]", "vers:golang/>=v1.0.0|<=v1.9.9")]
    [InlineData("golang", "v1.2.3", "vers:golang/v1.2.3")]
    public void ToVers_NativeRange_IsNormalisedVers(string scheme, string range, string vers)
    {
        var text = Range(scheme, range).ToVers().ToString();
        Assert.Equal(vers, text);
        Assert.Equal(text, VersRange.Parse(text).ToString());
    }

    [Theory]
    [InlineData("npm", "2.1.4", "2.2.0", false)]
    [InlineData("npm", "^1.2.3", "1.9.0", true)]
    [InlineData("npm", "^1.2.3", "1.5.0-beta", false)]
    [InlineData("npm", "^1.2.3-beta.1", "1.2.3-beta.2", true)]
    [InlineData("npm", "1.2.3 - 2.3.4", "2.3.4", true)]
    [InlineData("npm", ">=1.2.7 <1.3.0", "1.2.8", true)]
    [InlineData("pypi", ">=1.0", "2.0a1", false)]
    [InlineData("pypi", ">=1.0a1", "2.0a1", true)]
    [InlineData("pypi", "<2.0", "2.0rc1", false)]
    [InlineData("pypi", ">1.7", "1.7.post2", false)]
    [InlineData("pypi", "==1.7", "1.7.0+local", true)]
    [InlineData("pypi", "===1.0foo", "1.0FOO", true)]
    [InlineData("pypi", "", "5.0", true)]
    [InlineData("maven", "[1.0,2.0)", "1.5-SNAPSHOT", true)]
    [InlineData("maven", "[1.0,2.0)", "2.0-alpha-1", true)]
    [InlineData("nuget", "[1.0,2.0)", "2.0.0-beta", true)]
    [InlineData("gem", "~> 1.2", "2.0.a", false)]
    [InlineData("gem", "~> 1.2", "1.99", true)]
    [InlineData("gem", ">= 1.0, != 1.5", "1.5.0", false)]
    [InlineData("cargo", "1.2.*", "1.9.0", false)]
    [InlineData("cargo", "1.2.*", "1.2.9", true)]
    [InlineData("cargo", ">=1.2.0", "1.3.0-alpha", false)]
    [InlineData("cargo", ">=1.3.0-alpha", "1.3.0-beta", true)]
    [InlineData("golang", "[v1.0.0, v1.9.9]", "v1.9.9", true)]
    public void Contains_NativeMeaning(string scheme, string range, string version, bool expected) =>
        Assert.Equal(expected, Range(scheme, range).Contains(version));

    [Theory]
    [InlineData("npm", ">=1.02", 4, "leading zeros")]
    [InlineData("npm", "^1.2.3 <", 8, "needs a version")]
    [InlineData("npm", "x.1", 0, "cannot follow a wildcard")]
    [InlineData("npm", "1.2.3 - ", 6, "expected a number")]
    [InlineData("pypi", ">=1.0,", 6, "empty specifier")]
    [InlineData("pypi", "1.0", 0, "starts with an operator")]
    [InlineData("pypi", "~=1", 2, "two release numbers")]
    [InlineData("pypi", ">=1.0+local", 5, "local version")]
    [InlineData("pypi", "==1.0a1.*", 2, "prefix match")]
    [InlineData("maven", "[1.0,2.0", 0, "not closed")]
    [InlineData("maven", "[2.0,1.0]", 0, "lower end is above")]
    [InlineData("maven", "[1.0,2.0],[1.5,3.0]", 10, "overlap")]
    [InlineData("maven", "[1.0)", 0, "[version]")]
    [InlineData("nuget", "[1.0,2.0),[3.0,)", 9, "one interval")]
    [InlineData("nuget", "1.*", 2, "floating")]
    [InlineData("gem", ">= 1.0,", 7, "empty clause")]
    [InlineData("gem", "~> x", 3, "not a RubyGems version")]
    [InlineData("cargo", "1.*.3", 4, "cannot follow a wildcard")]
    [InlineData("cargo", "*, >1", 0, "only comparator")]
    [InlineData("cargo", "^01.2", 1, "leading zeros")]
    [InlineData("cargo", "1.2-beta", 3, "major.minor.patch")]
    [InlineData("golang", "1.2.3", 0, "starts with 'v'")]
    [InlineData("golang", "[v1.0.0, v2.0.0)", 15, "closed with ']'")]
    public void TryParse_Malformed_SaysWhatAndWhere(string scheme, string range, int position, string what)
    {
        Assert.False(NativeRange.TryParse(VersionSchemes.All.Single(s => s.Name == scheme), range, out _, out var error));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("===1.0")]
    [InlineData("<=1.7,!=1.7")]     // below 1.7 with its pre-releases: pypi's <1.7 stops before them
    [InlineData(">=2.0,<1.0")]      // nothing
    public void ToVers_WhatPypisComparatorsCannotSay_IsAnError(string specifiers) =>
        Assert.Throws<VersionFormatException>(() => Range("pypi", specifiers).ToVers());

    // Found by the fuzzing battery (tests/Firebreak.Fuzz/crashes/native-ranges): an interval with only blanks inside made
    // the interval parser cut a version from its end to its start, and the range threw instead of being refused.
    [Theory]
    [InlineData("[ ]")]
    [InlineData("[\f]]# G")]
    [InlineData("[ ]]]Z\u00f3 ")]
    [InlineData("[  ], [1.0]")]
    public void TryParse_IntervalOfBlanks_IsRefused_InEveryScheme(string range)
    {
        foreach (var scheme in NativeRange.Schemes)
        {
            var parsed = NativeRange.TryParse(scheme, range, out _, out var error);
            Assert.False(parsed, $"{scheme.Name} took '{range}'");
            Assert.NotNull(error);
        }
    }

    [Fact]
    public void TryParse_SchemeWithoutNativeNotation_PointsToVers()
    {
        Assert.False(NativeRange.TryParse(VersionSchemes.Deb, ">= 1.0", out _, out var error));
        Assert.Contains("vers:deb/", error.Message, StringComparison.Ordinal);
    }
}
