using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

public class SemverRequirementTests
{
    [Theory]
    [InlineData(">= 0.6.3", "0.6.3", true)]
    [InlineData(">= 0.6.3", "0.6.2", false)]
    [InlineData("^0.4.5", "0.4.9", true)]
    [InlineData("^0.4.5", "0.5.0", false)]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("1.2.3", "1.3.0", true)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3.0", false)]
    [InlineData("< 0.2, >= 0.1.1", "0.1.5", true)]
    [InlineData("< 0.2, >= 0.1.1", "0.2.0", false)]
    [InlineData("< 0.2, >= 0.1.1", "0.1.0", false)]
    [InlineData("=1.0.0", "1.0.0", true)]
    [InlineData("=1.0.0", "1.0.1", false)]
    [InlineData("=1.*", "1.7.2", true)]
    [InlineData("*", "9.9.9", true)]
    [InlineData("<= 2.0.0", "2.0.0", true)]
    [InlineData("> 2.0.0", "2.0.0", false)]
    public void Matches_FollowsCargoSemantics(string requirement, string version, bool expected)
    {
        Assert.True(SemverRequirement.TryParse(requirement, out var r, out var error), error);
        Assert.Equal(expected, r!.Matches(SemanticVersion.Parse(version)));
    }

    [Theory]
    [InlineData(">= banana")]
    [InlineData("^")]
    [InlineData("1.2.3.4")]
    public void TryParse_Garbage_SaysWhy(string requirement)
    {
        Assert.False(SemverRequirement.TryParse(requirement, out _, out var error));
        Assert.Contains(requirement, error, StringComparison.Ordinal);
    }
}
