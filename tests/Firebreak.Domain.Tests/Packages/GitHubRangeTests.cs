using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>GitHub's vulnerable_version_range: comparators joined by commas, read over each ecosystem's version order.</summary>
public sealed class GitHubRangeTests
{
    [Theory]
    [InlineData(Ecosystem.Npm, "< 7.5.2", "vers:npm/<7.5.2")]
    [InlineData(Ecosystem.Npm, "<= 0.29.0", "vers:npm/<=0.29.0")]
    [InlineData(Ecosystem.Npm, "= 0.2.0", "vers:npm/0.2.0")]
    [InlineData(Ecosystem.PyPI, ">= 2.0.0, < 2.0.2", "vers:pypi/>=2.0.0|<2.0.2")]
    [InlineData(Ecosystem.PyPI, ">= 1.11.8, < 1.11.10", "vers:pypi/>=1.11.8|<1.11.10")]
    [InlineData(Ecosystem.Maven, ">= 2.0.0, < 2.17.0", "vers:maven/>=2.0.0|<2.17.0")]
    [InlineData(Ecosystem.CratesIo, "> 0.3.1, <= 0.4.0", "vers:cargo/>0.3.1|<=0.4.0")]
    public void TryRead_GitHubsNotation_GivesTheRange(Ecosystem ecosystem, string text, string vers)
    {
        Assert.True(GitHubRange.TryRead(ecosystem, text, out var range, out var error), error?.ToString());
        Assert.Equal(vers, range.ToString());
    }

    [Theory]
    [InlineData(Ecosystem.PyPI, ">= 2.0.0, < 2.0.2", "2.0.1", true)]
    [InlineData(Ecosystem.PyPI, ">= 2.0.0, < 2.0.2", "2.0.2", false)]
    [InlineData(Ecosystem.PyPI, ">= 2.0.0, < 2.0.2", "1.11.9", false)]
    [InlineData(Ecosystem.Npm, "< 7.5.2", "7.5.1", true)]
    [InlineData(Ecosystem.Npm, "< 7.5.2", "7.5.2", false)]
    [InlineData(Ecosystem.Maven, "< 1.10", "1.9", true)] // Maven's order, not the text's
    public void ToOsv_Events_AffectWhatTheRangeSays(Ecosystem ecosystem, string text, string version, bool affected)
    {
        var osv = GitHubRange.ToOsv(ecosystem, text, out var problem);
        Assert.NotNull(osv);
        Assert.Null(problem);
        Assert.Equal(affected, VersRange.FromOsv(osv, VersionSchemes.For(ecosystem)).Contains(version));
    }

    [Theory]
    [InlineData("", "empty", 0)]
    [InlineData(">= ", "needs a version", 2)]
    [InlineData(">= 1.0, <", "needs a version", 9)]
    [InlineData("< seven", "'seven' is not a npm version", 2)]
    public void TryRead_Malformed_SaysWhatAndWhere(string text, string what, int position)
    {
        Assert.False(GitHubRange.TryRead(Ecosystem.Npm, text, out _, out var error));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }
}
