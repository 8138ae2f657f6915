using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Projects;

public class SecurityPolicyTests
{
    [Theory]
    [InlineData(Severity.Critical, 4)]
    [InlineData(Severity.High, 24)]
    [InlineData(Severity.Medium, 72)]
    [InlineData(Severity.Low, 168)]
    public void Default_FollowsTheRunbook(Severity severity, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), SecurityPolicy.Default.FirstActionFor(severity));

    [Fact]
    public void WithSeverityTable_LessSevereDueSooner_IsRefused()
    {
        var rows = SecurityPolicy.Default.SeverityTable.Select(r => r.Severity == Severity.Low ? new SeverityClass(Severity.Low, "", TimeSpan.FromHours(1)) : r);
        var e = Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithSeverityTable(rows));
        Assert.Contains("low is shorter than for medium", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSeverityTable_MissingClass_IsRefused() =>
        Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithSeverityTable(SecurityPolicy.Default.SeverityTable.Take(3)));

    [Theory]
    [InlineData("Has Spaces")]
    [InlineData("emoji-🔥")]
    public void WithUserSafetyClasses_NotKebabCase_IsRefused(string name) =>
        Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithUserSafetyClasses([name]));

    [Theory]
    [InlineData("30m", 0, 30)]
    [InlineData("4h", 4, 0)]
    [InlineData("7d", 168, 0)]
    public void DurationText_ParsesAndFormatsExactly(string text, int hours, int minutes)
    {
        var span = DurationText.Parse(text, "test");
        Assert.Equal(new TimeSpan(hours, minutes, 0), span);
        Assert.Equal(text, DurationText.Format(span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("4 hours")]
    [InlineData("99999d")]
    public void DurationText_Rejects(string text) => Assert.False(DurationText.TryParse(text, out _));
}
