using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

public class DashboardTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Dashboard_OrdersByNearestDeadlineAndMarksBreached()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        await api.PostJsonAsync("/api/v1/projects", new { slug = "dash", name = "Dash" }, HttpStatusCode.Created);
        await api.PostJsonAsync("/api/v1/projects/dash/incidents", new { kind = "other", title = "Low one", severity = "low" }, HttpStatusCode.Created);
        await api.PostJsonAsync("/api/v1/projects/dash/incidents", new { kind = "other", title = "Critical one", severity = "critical" }, HttpStatusCode.Created);
        var closed = await api.PostJsonAsync("/api/v1/projects/dash/incidents", new { kind = "other", title = "Closed one", severity = "critical" }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/incidents/{closed["id"]}/close", new { resolution = "rejected", reason = "raised by mistake" });
        factory.Clock.Advance(TimeSpan.FromHours(5));

        var html = await page.GetHtmlAsync("/");

        var critical = html.IndexOf("Critical one", StringComparison.Ordinal);
        var low = html.IndexOf("Low one", StringComparison.Ordinal);
        Assert.True(critical > 0 && low > critical, "the critical incident (due first) should lead");
        Assert.DoesNotContain("Closed one", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"state-breached\">", html, StringComparison.Ordinal);
        Assert.Contains("overdue by 1h 00m", html, StringComparison.Ordinal);
    }
}
