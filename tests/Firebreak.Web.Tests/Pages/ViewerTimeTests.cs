using System.Security.Claims;
using Firebreak.Domain.Common;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;

namespace Firebreak.Web.Tests.Pages;

/// <summary>The one place instants meet a zone: shown in the viewer's zone (named once by the page, each instant's offset in its title), typed in it, read back exactly.</summary>
public sealed class ViewerTimeTests
{
    private static ViewerTime For(string? zone)
    {
        var claims = zone is null ? [] : new[] { new Claim(CurrentUser.TimeZoneClaim, zone) };
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        return new ViewerTime(new CurrentUser(new HttpContextAccessor { HttpContext = http }));
    }

    private static readonly DateTimeOffset Winter = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Berlin", "<time datetime=\"2026-11-24T09:00:00Z\" title=\"Europe/Berlin, UTC+01:00\">2026-11-24 10:00</time>", "Europe/Berlin")]
    [InlineData("America/New_York", "<time datetime=\"2026-11-24T09:00:00Z\" title=\"America/New_York, UTC-05:00\">2026-11-24 04:00</time>", "America/New_York")]
    [InlineData(null, "<time datetime=\"2026-11-24T09:00:00Z\" title=\"UTC\">2026-11-24 09:00</time>", "UTC")]
    public void Show_IsInTheViewersZone_SaidOnceForThePage_AndKeepsTheInstantInTheMarkup(string? zone, string expected, string said)
    {
        var time = For(zone);
        Assert.False(time.Shown);
        Assert.Equal(expected, time.Show(Winter).ToString());
        Assert.True(time.Shown);
        Assert.Equal(said, time.ZoneLine);
        Assert.Equal(expected, time.Show(DateTime.SpecifyKind(Winter.UtcDateTime, DateTimeKind.Unspecified)).ToString()); // as SQLite hands it back
    }

    [Fact]
    public void InUtc_IsTheSameForEveryone_SayingUtcWhereThePageIsInAnotherZone()
    {
        Assert.Equal("<time datetime=\"2026-11-24T09:00:00Z\" title=\"UTC\">2026-11-24 09:00 UTC</time>", For("Europe/Berlin").InUtc(Winter).ToString());
        Assert.Equal("<time datetime=\"2026-11-24T09:00:00Z\" title=\"UTC\">2026-11-24 09:00</time>", For(null).InUtc(Winter).ToString());
        Assert.Equal("2026-11-24", ViewerTime.UtcDate(Winter));
        Assert.Equal("pending", ViewerTime.UtcDate(null));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void Input_ReadBackByParse_IsTheSameInstant(string zone)
    {
        var time = For(zone);
        Assert.Equal(Winter, time.Parse(time.Input(Winter), "publishAt"));
        Assert.Equal(Winter, time.Parse(time.Input(Winter.UtcDateTime), "publishAt"));
    }

    [Fact]
    public void Parse_TakesOffsetsAsGiven_AndRefusesWhatIsNotATimeInTheZone()
    {
        var berlin = For("Europe/Berlin");
        Assert.Equal(Winter, berlin.Parse("2026-11-24T09:00:00Z", "publishAt"));
        Assert.Equal(Winter, berlin.Parse("2026-11-24T04:00-05:00", "publishAt"));
        Assert.Null(berlin.Parse("  ", "publishAt"));
        Assert.Contains("publishAt: 'tomorrow' is not a date and time", Assert.Throws<DomainException>(() => berlin.Parse("tomorrow", "publishAt")).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist in Europe/Berlin", Assert.Throws<DomainException>(() => berlin.Parse("2026-03-29T02:30", "dueAt")).Message, StringComparison.Ordinal);
    }
}
