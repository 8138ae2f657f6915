using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

/// <summary>
/// Lists other than the dashboard are paged too (issue 17 part 5): a project's incident list (page and API) shows one
/// bounded page, ordered stably, with no overlap between pages, its links keeping the filters, and never another
/// project's incidents; a text search pages its matches the same way; the project's home shows the nearest deadlines
/// and how many there are instead of every open incident. On SQLite and on PostgreSQL by the subclasses below.
/// </summary>
public abstract partial class ListPagingTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug)> ProjectAsync(HttpClient? api = null)
    {
        api ??= (await factory.CreateUserClientAsync(admin: true)).Client;
        var slug = $"l{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "List " + slug }, HttpStatusCode.Created);
        return (api, slug);
    }

    private static async Task<int> OpenAsync(HttpClient api, string slug, string title, string severity = "low", string kind = "other") =>
        (int)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind, title, severity }, HttpStatusCode.Created))["number"]!;

    [Fact]
    public async Task IncidentList_Pages_NewestFirst_WithoutOverlap_KeepingTheFilters_AndOnlyThisProject()
    {
        var (api, slug) = await ProjectAsync();
        var (_, other) = await ProjectAsync(api);
        for (var n = 0; n < 7; n++) await OpenAsync(api, slug, $"Low {n:00}");
        await OpenAsync(api, slug, "A high one", "high");
        for (var n = 0; n < 3; n++) await OpenAsync(api, other, $"Elsewhere {n}");
        var page = await PageClient.SignInAsync(factory, admin: true);

        var seen = new List<string>();
        var href = $"/projects/{slug}/incidents?severity=low&pageSize=3";
        for (var n = 1; n <= 3; n++)
        {
            var html = await page.GetHtmlAsync(href);
            var titles = Titles().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.DoesNotContain(titles, t => t.Contains("Elsewhere", StringComparison.Ordinal) || t.Contains("high", StringComparison.Ordinal));
            Assert.Contains($"7 incident(s) · page {n} of 3", html, StringComparison.Ordinal);
            seen.AddRange(titles);
            if (n == 3)
            {
                Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
                break;
            }
            var next = Next().Match(html);
            Assert.True(next.Success, "a link to the next page");
            href = WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value);
            Assert.Contains("severity=low", href, StringComparison.Ordinal);
            Assert.Contains("pageSize=3", href, StringComparison.Ordinal);
            Assert.Contains($"p={n + 1}", href, StringComparison.Ordinal);
        }
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(n => $"Low {n:00}"), seen);

        var search = await page.GetHtmlAsync($"/projects/{slug}/incidents?q=low&pageSize=2&p=4");
        Assert.Equal(["Low 00"], Titles().Matches(search).Select(m => m.Groups[1].Value));
        Assert.Contains("7 incident(s) matching the search · page 4 of 4", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentListApi_PagesInOrder_WithTheNextLink_AndBreachedDecidedInSql()
    {
        var (api, slug) = await ProjectAsync();
        var (_, other) = await ProjectAsync(api);
        for (var n = 0; n < 5; n++) await OpenAsync(api, slug, $"Low {n}");
        await OpenAsync(api, slug, "Critical", "critical");
        await OpenAsync(api, other, "Elsewhere", "critical");
        factory.Clock.Advance(TimeSpan.FromHours(5)); // past the critical one's 4-hour first-action deadline, not the low ones'

        var numbers = new List<int>();
        string? next = $"/api/v1/projects/{slug}/incidents?pageSize=4&state=open";
        while (next is not null)
        {
            using var response = await api.GetAsync(new Uri(next, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            Assert.InRange(items.Count, 1, 4);
            numbers.AddRange(items.Select(i => (int)i!["number"]!));
            Assert.All(items, i => Assert.Equal(slug, (string)i!["project"]!));
            Assert.Equal("6", response.Headers.GetValues("X-Total-Count").Single());
            var link = Regex.Match(response.Headers.GetValues("Link").Single(), "<([^>]+)>; rel=\"next\"");
            next = link.Success ? link.Groups[1].Value : null;
        }
        Assert.Equal(Enumerable.Range(1, 6), numbers);

        var breached = (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?breached=true")).AsArray();
        Assert.Equal(["Critical"], breached.Select(i => (string)i!["title"]!));
        Assert.Equal(5, (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?breached=false")).AsArray().Count);
    }

    [Theory]
    [InlineData("p=0", "p")]
    [InlineData("p=x", "p")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task IncidentList_BadPaging_Answers400NamingTheParameter(string query, string field)
    {
        var (_, slug) = await ProjectAsync();
        var page = await PageClient.SignInAsync(factory, admin: true);

        using var response = await page.Http.GetAsync(new Uri($"/projects/{slug}/incidents?{query}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}: ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectHome_ShowsTheNearestDeadlines_AndHowManyAreOpen()
    {
        var (api, slug) = await ProjectAsync();
        for (var n = 0; n < 22; n++) await OpenAsync(api, slug, $"Low {n:00}");
        await OpenAsync(api, slug, "The critical one", "critical");
        var page = await PageClient.SignInAsync(factory, admin: true);

        var html = await page.GetHtmlAsync($"/projects/{slug}");

        var open = html[html.IndexOf("id=\"open-incidents\"", StringComparison.Ordinal)..html.IndexOf("id=\"recently-closed\"", StringComparison.Ordinal)];
        Assert.Contains("Open incidents <span class=\"muted\">(23)</span>", open, StringComparison.Ordinal);
        Assert.Equal(20, Regex.Count(open, "<tr class=\"state-"));
        Assert.True(open.IndexOf("The critical one", StringComparison.Ordinal) < open.IndexOf("Low 00", StringComparison.Ordinal), "the nearest deadline leads");
        Assert.DoesNotContain("Low 20", open, StringComparison.Ordinal);
        Assert.Contains("The 20 nearest deadlines of 23 open incidents.", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_PagesNewestFirst_InTheApiAndThePage_WithoutOverlap_AndOnlyOnesOwn()
    {
        var (api, slug) = await ProjectAsync();
        var (triage, email) = await factory.CreateUserClientAsync(admin: false);
        var (bystander, bystanderEmail) = await factory.CreateUserClientAsync(admin: false);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "triage-owner" }, HttpStatusCode.NoContent);
        var reader = $"inbox-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, reader);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = reader, role = "triage-owner" }, HttpStatusCode.NoContent);
        for (var n = 0; n < 5; n++) await OpenAsync(api, slug, $"Notice {n}");

        var ids = new List<string>();
        var titles = new List<string>();
        string? next = "/api/v1/notifications?limit=2";
        var pages = 0;
        while (next is not null)
        {
            var body = await triage.GetJsonAsync(next);
            pages++;
            Assert.Equal(5, (int)body["total"]!);
            Assert.Equal(2, (int)body["limit"]!);
            var notices = body["notifications"]!.AsArray();
            Assert.InRange(notices.Count, 1, 2);
            ids.AddRange(notices.Select(n => (string)n!["id"]!));
            titles.AddRange(notices.Select(n => (string)n!["title"]!));
            next = (string?)body["next"];
        }
        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 5).Select(n => $"Notice {n}"), titles.Select(t => t[t.IndexOf("Notice", StringComparison.Ordinal)..]).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int)(await bystander.GetJsonAsync("/api/v1/notifications?limit=2"))["total"]!);
        Assert.NotEqual(email, bystanderEmail);

        var shown = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var html = await page.GetHtmlAsync($"/inbox?pageSize=2&p={n}");
            Assert.Contains($"page {n} of 3", html, StringComparison.Ordinal);
            shown.AddRange(Regex.Matches(html, "Notice \\d").Select(m => m.Value).Distinct());
            var link = Next().Match(html);
            Assert.Equal(n < 3, link.Success);
            if (link.Success)
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Success ? link.Groups[1].Value : link.Groups[2].Value);
                Assert.Contains($"p={n + 1}", href, StringComparison.Ordinal);
                Assert.Contains("pageSize=2", href, StringComparison.Ordinal);
            }
        }
        Assert.Equal(Enumerable.Range(0, 5).Select(n => $"Notice {n}"), shown.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/notifications?limit=0", "limit")]
    [InlineData("/api/v1/notifications?limit=201", "limit")]
    [InlineData("/api/v1/notifications?page=x", "page")]
    [InlineData("/api/v1/outbox?limit=abc", "limit")]
    [InlineData("/api/v1/outbox?page=0", "page")]
    public async Task ListApis_BadPaging_Answer422NamingTheParameter(string path, string field)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);

        var problem = await api.SendJsonAsync(HttpMethod.Get, path, null, HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"{field}: ", problem.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/inbox?p=0", "p")]
    [InlineData("/inbox?pageSize=500", "pageSize")]
    [InlineData("/admin/outbox?p=-3", "p")]
    [InlineData("/admin/audit?pageSize=x", "pageSize")]
    public async Task ListPages_BadPaging_Answer400NamingTheParameter(string path, string field)
    {
        var page = await PageClient.SignInAsync(factory, admin: true);

        using var response = await page.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}: ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxAndAuditLog_Page_NewestFirst_WithoutOverlap()
    {
        var (api, slug) = await ProjectAsync();
        for (var n = 0; n < 3; n++) await OpenAsync(api, slug, $"Audited {n}");

        var seen = new List<string>();
        for (var n = 1; n <= 2; n++)
        {
            using var response = await api.GetAsync(new Uri($"/api/v1/outbox?limit=1&page={n}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var messages = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            if (messages.Count == 0) break; // no mail in this instance yet
            seen.Add((string)messages.Single()!["id"]!);
            Assert.Contains("rel=\"first\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
            Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= seen.Count);
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var admin = await PageClient.SignInAsync(factory, admin: true);
        var first = await admin.GetHtmlAsync("/admin/audit?pageSize=2");
        var second = await admin.GetHtmlAsync("/admin/audit?pageSize=2&p=2");
        var firstRows = AuditRows().Matches(first).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var secondRows = AuditRows().Matches(second).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, firstRows.Count);
        Assert.Equal(2, secondRows.Count);
        Assert.True(firstRows[0] > firstRows[1] && firstRows[1] > secondRows[0] && secondRows[0] > secondRows[1], "newest first, no overlap");
        var next = Next().Match(second);
        Assert.True(next.Success, "a link to the third page");
        var link = WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value);
        Assert.StartsWith("/admin/audit?", link, StringComparison.Ordinal);
        Assert.Contains("p=3", link, StringComparison.Ordinal);
        Assert.Contains("pageSize=2", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskRegister_PagesByRating_InTheApiAndThePage_KeepingTheFilter_AndOnlyThisProject()
    {
        var (api, slug) = await ProjectAsync();
        var (_, other) = await ProjectAsync(api);
        for (var n = 1; n <= 5; n++)
            await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = $"Risk {n}", categories = new[] { "spoofing" }, asset = "a", threat = "t", likelihood = n, impact = 1 },
                HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = "Tampering one", categories = new[] { "tampering" }, asset = "a", threat = "t", likelihood = 5, impact = 5 },
            HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{other}/risks", new { title = "Elsewhere", categories = new[] { "spoofing" }, asset = "a", threat = "t", likelihood = 5, impact = 5 },
            HttpStatusCode.Created);

        var titles = new List<string>();
        string? next = $"/api/v1/projects/{slug}/risks?category=spoofing&limit=2";
        while (next is not null)
        {
            var body = await api.GetJsonAsync(next);
            Assert.Equal(5, (int)body["total"]!);
            titles.AddRange(body["risks"]!.AsArray().Select(r => (string)r!["title"]!));
            next = (string?)body["next"];
            if (next is not null) Assert.Contains("category=spoofing", next, StringComparison.Ordinal);
        }
        Assert.Equal(["Risk 5", "Risk 4", "Risk 3", "Risk 2", "Risk 1"], titles); // highest rating first, no overlap, the filter kept

        var page = await PageClient.SignInAsync(factory, admin: true);
        var second = await page.GetHtmlAsync($"/projects/{slug}/risks?Category=spoofing&pageSize=2&p=2");
        Assert.Contains("Risk 3", second, StringComparison.Ordinal);
        Assert.Contains("Risk 2", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Risk 4", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Tampering one", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere", second, StringComparison.Ordinal);
        var link = Next().Match(second);
        Assert.True(link.Success, "a link to the third page");
        var href = WebUtility.HtmlDecode(link.Groups[1].Success ? link.Groups[1].Value : link.Groups[2].Value);
        Assert.Contains("p=3", href, StringComparison.Ordinal);
        Assert.Contains("spoofing", href, StringComparison.Ordinal);
        using var bad = await page.Http.GetAsync(new Uri($"/projects/{slug}/risks?p=zero", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("p: ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var problem = await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/projects/{slug}/risks?limit=999", null, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("limit: ", problem.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineApi_PagesInTimelineOrder_MatchingTheWholeTimeline()
    {
        var (api, slug) = await ProjectAsync();
        var id = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "Long story", severity = "low" }, HttpStatusCode.Created))["id"]!;
        foreach (var severity in new[] { "high", "low", "medium", "critical", "low" })
            await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { severity });

        var whole = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.True(whole.Count > 6, $"enough entries for three pages ({whole.Count})");
        Assert.Equal(whole.Count, whole.Distinct().Count());
        var walked = new List<string>();
        var sizes = new List<int>();
        string? next = $"/api/v1/incidents/{id}/timeline?limit=3";
        while (next is not null)
        {
            using var response = await api.GetAsync(new Uri(next, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(whole.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
            var entries = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            sizes.Add(entries.Count);
            walked.AddRange(entries.Select(e => (string)e!["id"]!));
            var link = Regex.Match(response.Headers.GetValues("Link").Single(), "<([^>]+)>; rel=\"next\"");
            next = link.Success ? link.Groups[1].Value : null;
            if (next is not null) Assert.Contains("limit=3", next, StringComparison.Ordinal);
        }
        Assert.Equal(whole, walked);
        Assert.All(sizes.SkipLast(1), size => Assert.Equal(3, size));
        Assert.Equal((whole.Count + 2) / 3, sizes.Count);

        Assert.Contains("limit: ", (await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/incidents/{id}/timeline?limit=0", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);
        Assert.Contains("page: ", (await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/incidents/{id}/timeline?page=1.5", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><td>(\\d+)</td>")]
    private static partial Regex AuditRows();

    [GeneratedRegex("<a href=\"/incidents/[0-9a-f-]+\">#\\d+ · ([^<]+)</a>")]
    private static partial Regex Titles();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex Next();
}

public sealed class SqliteListPagingTests(SqliteFactory factory) : ListPagingTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresListPagingTests(PostgresFactory factory) : ListPagingTests(factory), IClassFixture<PostgresFactory>;
