using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Pages;

/// <summary>
/// The dashboard (issue 17 part 5, issue 13 part 6): one page of open incidents nearest deadline first, counts per severity,
/// stage and clock state over every incident the filters select, the filters as a GET form kept by the paging links, and
/// only what the viewer may see. On SQLite and on PostgreSQL by the subclasses below.
/// </summary>
public abstract partial class DashboardTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug)> ProjectAsync(HttpClient? api = null)
    {
        api ??= (await factory.CreateUserClientAsync(admin: true)).Client;
        var slug = $"d{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Dash " + slug }, HttpStatusCode.Created);
        return (api, slug);
    }

    private static async Task<string> OpenAsync(HttpClient api, string slug, string title, string severity = "low", string kind = "other") =>
        (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind, title, severity }, HttpStatusCode.Created))["id"]!;

    [Fact]
    public async Task Dashboard_OrdersByNearestDeadlineAndMarksBreached()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, slug) = await ProjectAsync();
        await OpenAsync(api, slug, "Low one");
        await OpenAsync(api, slug, "Critical one", "critical");
        var closed = await OpenAsync(api, slug, "Closed one", "critical");
        await api.PostJsonAsync($"/api/v1/incidents/{closed}/close", new { resolution = "rejected", reason = "raised by mistake" });
        factory.Clock.Advance(TimeSpan.FromHours(5));

        var html = await page.GetHtmlAsync($"/?project={slug}");

        var critical = html.IndexOf("Critical one", StringComparison.Ordinal);
        var low = html.IndexOf("Low one", StringComparison.Ordinal);
        Assert.True(critical > 0 && low > critical, "the critical incident (due first) should lead");
        Assert.DoesNotContain("Closed one", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"state-breached\">", html, StringComparison.Ordinal);
        Assert.Contains("overdue by 1h 00m", html, StringComparison.Ordinal);
        Assert.Contains("2 open incident(s) matching the filters", html, StringComparison.Ordinal);
        Assert.Equal("1", Count(html, "state", "breached"));
        Assert.Equal("1", Count(html, "severity", "critical"));
        Assert.Equal("1", Count(html, "severity", "low"));
    }

    [Fact]
    public async Task Dashboard_MoreThanAPage_PagesNearestDeadlineFirstAndKeepsTheFilters()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, slug) = await ProjectAsync();
        for (var n = 0; n < 51; n++) await OpenAsync(api, slug, $"Low {n:00}", "low");
        await OpenAsync(api, slug, "The critical one", "critical");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await page.GetHtmlAsync($"/?project={slug}&kind=other");

        Assert.Equal(50, Rows().Count(first));
        Assert.Contains("52 open incident(s) matching the filters", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("The critical one", StringComparison.Ordinal) < first.IndexOf("Low 00", StringComparison.Ordinal), "the nearest deadline leads");
        var next = Next().Match(first);
        Assert.True(next.Success, "a link to the next page");
        var href = WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value);
        Assert.Contains($"project={slug}", href, StringComparison.Ordinal);
        Assert.Contains("kind=other", href, StringComparison.Ordinal);
        Assert.Contains("p=2", href, StringComparison.Ordinal);

        var second = await page.GetHtmlAsync(href);
        Assert.Equal(2, Rows().Count(second));
        Assert.Contains("Low 49", second, StringComparison.Ordinal);
        Assert.Contains("Low 50", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Low 48", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);

        var small = await page.GetHtmlAsync($"/?project={slug}&pageSize=10&p=6");
        Assert.Equal(2, Rows().Count(small));
    }

    [Fact]
    public async Task Dashboard_FiltersCombined_CountOnlyWhatTheyKeep()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, slug) = await ProjectAsync();
        var (_, other) = await ProjectAsync(api);
        await OpenAsync(api, slug, "High leak", "high", "leaked-credential");
        await OpenAsync(api, slug, "High other", "high", "other");
        await OpenAsync(api, slug, "Low leak", "low", "leaked-credential");
        await OpenAsync(api, other, "High leak elsewhere", "high", "leaked-credential");

        var html = await page.GetHtmlAsync($"/?project={slug}&severity=high&kind=leaked-credential");

        Assert.Contains("High leak", html, StringComparison.Ordinal);
        Assert.DoesNotContain("High other", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Low leak", html, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere", html, StringComparison.Ordinal);
        Assert.Equal(1, Rows().Count(html));
        Assert.Contains("1 open incident(s) matching the filters", html, StringComparison.Ordinal);
        Assert.Equal("0", Count(html, "severity", "low"));
        Assert.Contains("<option value=\"leaked-credential\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Mine_KeepsIncidentsAssignedToTheViewerOrWithTheirActionItem()
    {
        var (api, slug) = await ProjectAsync();
        var email = $"mine-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, email);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "reviewer" }, HttpStatusCode.NoContent);
        var assigned = await OpenAsync(api, slug, "Assigned to me");
        var withItem = await OpenAsync(api, slug, "My action item");
        await OpenAsync(api, slug, "Someone else's");
        await api.PatchJsonAsync($"/api/v1/incidents/{assigned}", new { assignments = new Dictionary<string, string> { ["triage-owner"] = email.ToUpperInvariant() } });
        await api.PostJsonAsync($"/api/v1/incidents/{withItem}/action-items", new { title = "Rotate", owner = email, dueAt = factory.Clock.GetUtcNow().AddDays(3) }, HttpStatusCode.Created);

        var all = await page.GetHtmlAsync("/");
        var mine = await page.GetHtmlAsync("/?mine=true");

        Assert.Contains("Someone else", all, StringComparison.Ordinal);
        Assert.Contains("3 open incident(s)", all, StringComparison.Ordinal);
        Assert.Contains("Assigned to me", mine, StringComparison.Ordinal);
        Assert.Contains("My action item", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", mine, StringComparison.Ordinal);
        Assert.Contains("2 open incident(s) matching the filters", mine, StringComparison.Ordinal);
        Assert.Contains("id=\"f-mine\" name=\"mine\" type=\"checkbox\" value=\"true\" checked=\"checked\"", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AnotherProjectsIncidents_AreNeverShownNorCounted()
    {
        var (api, mineSlug) = await ProjectAsync();
        var (_, hidden) = await ProjectAsync(api);
        var email = $"member-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, email);
        await api.PostJsonAsync($"/api/v1/projects/{mineSlug}/members", new { email, role = "reviewer" }, HttpStatusCode.NoContent);
        await OpenAsync(api, mineSlug, "Visible one", "medium");
        for (var n = 0; n < 3; n++) await OpenAsync(api, hidden, $"Hidden {n}", "critical");

        var html = await page.GetHtmlAsync("/");

        Assert.Contains("Visible one", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        Assert.Contains("1 open incident(s)", html, StringComparison.Ordinal);
        Assert.Equal("0", Count(html, "severity", "critical"));
        using var refused = await page.Http.GetAsync(new Uri($"/?project={hidden}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("Hidden", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CountsKeptPerProject_FollowEveryChange_EvenConcurrent_AndMatchTheIncidents()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, slug) = await ProjectAsync();
        // Twelve writers at once, each opening an incident and then retriaging it: every one is counted, once, in its last group.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async n =>
        {
            var (writer, _) = await factory.CreateUserClientAsync(admin: true);
            var id = await OpenAsync(writer, slug, $"Concurrent {n}", n % 2 == 0 ? "low" : "high");
            if (n % 3 == 0) await writer.PatchJsonAsync($"/api/v1/incidents/{id}", new { severity = "critical", note = "worse than it looked" });
        }));
        var moved = await OpenAsync(api, slug, "Moved on", "medium");
        await api.PatchJsonAsync($"/api/v1/incidents/{moved}", new { stage = "assessment" });
        var rejected = await OpenAsync(api, slug, "Rejected", "medium");
        await api.PostJsonAsync($"/api/v1/incidents/{rejected}/close", new { resolution = "rejected", reason = "not a vulnerability" });

        var html = await page.GetHtmlAsync($"/?project={slug}");

        Assert.Contains("13 open incident(s) matching the filters", html, StringComparison.Ordinal);
        Assert.Equal("4", Count(html, "severity", "critical")); // 0, 3, 6, 9
        Assert.Equal("4", Count(html, "severity", "high"));     // 1, 5, 7, 11
        Assert.Equal("4", Count(html, "severity", "low"));      // 2, 4, 8, 10
        Assert.Equal("1", Count(html, "severity", "medium"));
        Assert.Equal("1", Count(html, "stage", "assessment"));
        Assert.Equal(await CountedOneByOneAsync(slug), await KeptAsync(slug));
    }

    [Fact]
    public async Task CountsKept_MadeOnADatabaseThatHasIncidents_CountThemOnce()
    {
        var (api, slug) = await ProjectAsync();
        for (var n = 0; n < 3; n++) await OpenAsync(api, slug, $"Before {n}", n == 0 ? "critical" : "low");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            // As a database made before the counts were kept: no triggers, no rows.
            var sqlite = db.Database.IsSqlite();
            var triggers = await db.Database.SqlQueryRaw<string>(sqlite
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'open_incident_counts%'"
                : "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'open_incident_counts%'").ToListAsync(Ct);
            Assert.NotEmpty(triggers);
            foreach (var trigger in triggers)
                await db.Database.ExecuteSqlRawAsync(sqlite ? $"DROP TRIGGER \"{trigger}\"" : $"DROP TRIGGER \"{trigger}\" ON \"Incidents\"", Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"OpenIncidentCounts\"; DELETE FROM \"OpenIncidentDays\";", Ct);
            Assert.Empty(await KeptAsync(slug));

            await OpenIncidentCounts.EnsureAsync(db, Ct);
            await OpenIncidentCounts.EnsureAsync(db, Ct); // a second start finds them made and counts nothing again
        }
        var expected = await CountedOneByOneAsync(slug);
        Assert.Equal(3, expected.Sum(c => c.Open));
        Assert.Equal(expected, await KeptAsync(slug));
        await OpenAsync(api, slug, "After", "low"); // and the remade triggers keep counting
        Assert.Equal(await CountedOneByOneAsync(slug), await KeptAsync(slug));
    }

    [Fact]
    public async Task Dashboard_BreachedAndAtRisk_FromKeptDays_MatchEachIncidentsOwnState_AsDaysPass()
    {
        var (api, slug) = await ProjectAsync();
        // Opened over three days, so their deadlines fall on different days and some pass midnight while the test watches.
        foreach (var (severity, after) in new[] { ("critical", 0), ("high", 3), ("medium", 20), ("low", 11), ("critical", 26), ("high", 9) })
        {
            factory.Clock.Advance(TimeSpan.FromHours(after));
            await OpenAsync(api, slug, $"{severity} after {after}h", severity);
        }
        // One breached incident moves on, so its first-action clock stops late: breached still, with no clock of its own running.
        var late = await OpenAsync(api, slug, "Stopped late", "critical");
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await api.PatchJsonAsync($"/api/v1/incidents/{late}", new { stage = "assessment" });
        var seen = new HashSet<(int, int)>();
        for (var step = 0; step < 10; step++)
        {
            var page = await PageClient.SignInAsync(factory, admin: true); // a session does not outlive hours of the test's clock
            var html = await page.GetHtmlAsync($"/?project={slug}");
            var (breached, atRisk) = await OwnStatesAsync(slug);
            Assert.Equal(breached.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(html, "state", "breached"));
            Assert.Equal(atRisk.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(html, "state", "at-risk"));
            seen.Add((breached, atRisk));
            factory.Clock.Advance(TimeSpan.FromHours(7));
        }
        Assert.True(seen.Count >= 4, "the counts should have moved as the clock did: " + string.Join(" ", seen));
        Assert.Contains(seen, s => s.Item2 > 0);
    }

    /// <summary>Breached and at risk now, as each open incident of the project decides it from its own clocks.</summary>
    private async Task<(int Breached, int AtRisk)> OwnStatesAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
        var incidents = (await db.Incidents.Where(i => i.ProjectId == project).ToListAsync(Ct)).Where(i => !OpenIncidentCounts.Ended.Contains(i.Stage)).ToList();
        var now = factory.Clock.GetUtcNow();
        return (incidents.Count(i => i.WorstClockStateAt(now) == Firebreak.Domain.Incidents.ClockState.Breached),
            incidents.Count(i => i.WorstClockStateAt(now) == Firebreak.Domain.Incidents.ClockState.AtRisk));
    }

    private async Task<List<(string Stage, string Severity, string Kind, int Open)>> KeptAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
        var rows = await db.Set<OpenIncidentCount>().Where(c => c.ProjectId == project && c.Open != 0).ToListAsync(Ct);
        return [.. rows.Select(c => (c.Stage.ToString(), c.Severity.ToString(), c.Kind.ToString(), c.Open)).Order()];
    }

    private async Task<List<(string Stage, string Severity, string Kind, int Open)>> CountedOneByOneAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var project = await db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
        var incidents = await db.Incidents.Where(i => i.ProjectId == project).Select(i => new { i.Stage, i.Severity, i.Kind }).ToListAsync(Ct);
        return [.. incidents.Where(i => !OpenIncidentCounts.Ended.Contains(i.Stage))
            .GroupBy(i => (i.Stage.ToString(), i.Severity.ToString(), i.Kind.ToString()))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Count())).Order()];
    }

    [Fact]
    public async Task Dashboard_ACollaboratorOutsideTheProject_CountsTheIncidentTheyWorkOn()
    {
        var (api, slug) = await ProjectAsync();
        var email = $"collab-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, email);
        var shared = await OpenAsync(api, slug, "Shared with a guest", "high");
        await OpenAsync(api, slug, "Not shared", "critical");
        await api.PostJsonAsync($"/api/v1/incidents/{shared}/collaborators", new { email }, HttpStatusCode.NoContent);

        var html = await page.GetHtmlAsync("/");

        Assert.Contains("Shared with a guest", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shared", html, StringComparison.Ordinal);
        Assert.Contains("1 open incident(s)", html, StringComparison.Ordinal);
        Assert.Equal("1", Count(html, "severity", "high"));
        Assert.Equal("0", Count(html, "severity", "critical"));
    }

    [Theory]
    [InlineData("p=0", "p")]
    [InlineData("p=two", "p")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("severity=dire", "severity")]
    [InlineData("kind=weird", "kind")]
    [InlineData("mine=maybe", "mine")]
    [InlineData("project=no-such-project", "project")]
    public async Task Dashboard_BadParameters_Answer400NamingTheParameter(string query, string field)
    {
        var page = await PageClient.SignInAsync(factory, admin: true);

        using var response = await page.Http.GetAsync(new Uri("/?" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}: ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string Count(string html, string attribute, string value)
    {
        var match = Regex.Match(html, $"<li[^>]*data-{attribute}=\"{value}\"[^>]*>(?:<span[^>]*>[^<]*</span>)?[^0-9<]*(\\d+)</li>");
        Assert.True(match.Success, $"a count for {attribute} {value}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<tr class=\"state-")]
    private static partial Regex Rows();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex Next();
}

public sealed class SqliteDashboardTests(SqliteFactory factory) : DashboardTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresDashboardTests(PostgresFactory factory) : DashboardTests(factory), IClassFixture<PostgresFactory>;
