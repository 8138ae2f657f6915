using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

/// <summary>
/// The lists of projects and of people are paged too (issue 17 part 5): the projects list (page and API), a project's
/// members and an incident's collaborators each answer one bounded page in a stable order, walked to the end by the
/// <c>Link</c> header without overlap and matching the list read in one page, and refuse a bad page or size by name.
/// On SQLite and on PostgreSQL by the subclasses below.
/// </summary>
public abstract partial class PeopleListPagingTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every page of a list endpoint, followed by its <c>Link</c> header, with each page's size and the total it gave.</summary>
    internal static async Task<(List<JsonNode> Items, List<int> Sizes, List<string> Totals, List<string> Nexts)> WalkAsync(HttpClient api, string first)
    {
        var items = new List<JsonNode>();
        var sizes = new List<int>();
        var totals = new List<string>();
        var nexts = new List<string>();
        string? next = first;
        while (next is not null)
        {
            Assert.True(sizes.Count < 20, "the walk ends");
            using var response = await api.GetAsync(new Uri(next, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            sizes.Add(page.Count);
            items.AddRange(page.Select(i => i!));
            totals.Add(response.Headers.GetValues("X-Total-Count").Single());
            var links = response.Headers.GetValues("Link").Single();
            Assert.Contains("rel=\"first\"", links, StringComparison.Ordinal);
            Assert.Contains("rel=\"last\"", links, StringComparison.Ordinal);
            var link = NextLink().Match(links);
            next = link.Success ? link.Groups[1].Value : null;
            if (next is not null) nexts.Add(next);
        }
        return (items, sizes, totals, nexts);
    }

    [Fact]
    public async Task ProjectList_Pages_BySlugInTheApi_AndByNameOnThePage_OnlyTheViewersOwn()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var (member, email) = await factory.CreateUserClientAsync(admin: false);
        var reader = $"projects-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, reader);
        var stem = $"pl{Guid.NewGuid():N}"[..12];
        // Names run against the slugs, so the page's order (by name) and the API's (by slug) differ.
        for (var n = 0; n < 5; n++)
        {
            var slug = $"{stem}-{n}";
            await admin.PostJsonAsync("/api/v1/projects", new { slug, name = $"Project {(char)('e' - n)}" }, HttpStatusCode.Created);
            await admin.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "reviewer" }, HttpStatusCode.NoContent);
            await admin.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = reader, role = "reviewer" }, HttpStatusCode.NoContent);
        }
        await admin.PostJsonAsync("/api/v1/projects", new { slug = $"{stem}-x", name = "Not theirs" }, HttpStatusCode.Created);

        var (items, sizes, totals, _) = await WalkAsync(member, "/api/v1/projects?limit=2");
        Assert.Equal([2, 2, 1], sizes);
        Assert.All(totals, t => Assert.Equal("5", t));
        Assert.Equal(Enumerable.Range(0, 5).Select(n => $"{stem}-{n}"), items.Select(p => (string)p["slug"]!));

        var shown = new List<string>();
        var href = "/projects?pageSize=2";
        for (var n = 1; n <= 3; n++)
        {
            var html = await page.GetHtmlAsync(href);
            Assert.Contains($"5 project(s) · page {n} of 3", html, StringComparison.Ordinal);
            shown.AddRange(ProjectNames().Matches(html).Select(m => m.Groups[1].Value));
            var next = NextAnchor().Match(html);
            Assert.Equal(n < 3, next.Success);
            if (!next.Success) break;
            href = WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value);
            Assert.Contains("pageSize=2", href, StringComparison.Ordinal);
            Assert.Contains($"p={n + 1}", href, StringComparison.Ordinal);
        }
        Assert.Equal(["Project a", "Project b", "Project c", "Project d", "Project e"], shown);
    }

    [Fact]
    public async Task MembersAndCollaborators_Page_InAStableOrder_MatchingTheWholeList()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"pm{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "People" }, HttpStatusCode.Created);
        var incident = (string)(await admin.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "Shared", severity = "low" },
            HttpStatusCode.Created))["id"]!;
        for (var n = 0; n < 5; n++)
        {
            var (_, email) = await factory.CreateUserClientAsync(admin: false);
            await admin.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "reviewer" }, HttpStatusCode.NoContent);
            if (n < 3)
            {
                var (_, guest) = await factory.CreateUserClientAsync(admin: false);
                await admin.PostJsonAsync($"/api/v1/incidents/{incident}/collaborators", new { email = guest }, HttpStatusCode.NoContent);
            }
        }

        var everyone = (await admin.GetJsonAsync($"/api/v1/projects/{slug}/members?limit=200")).AsArray().Select(m => (string)m!["email"]!).ToList();
        Assert.InRange(everyone.Count, 5, 6); // the five, and the creator where creating a project makes one a member
        var (members, memberSizes, memberTotals, memberNexts) = await WalkAsync(admin, $"/api/v1/projects/{slug}/members?limit=2");
        Assert.Equal(everyone, members.Select(m => (string)m["email"]!));
        Assert.Equal(everyone.Count, members.Select(m => (string)m["email"]!).Distinct().Count());
        Assert.All(memberSizes.SkipLast(1), s => Assert.Equal(2, s));
        Assert.All(memberTotals, t => Assert.Equal(everyone.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), t));
        Assert.All(memberNexts, n => Assert.Contains("limit=2", n, StringComparison.Ordinal));

        var guests = (await admin.GetJsonAsync($"/api/v1/incidents/{incident}/collaborators")).AsArray().Select(c => (string)c!["email"]!).ToList();
        Assert.Equal(3, guests.Count);
        var (collaborators, sizes, totals, _) = await WalkAsync(admin, $"/api/v1/incidents/{incident}/collaborators?limit=2");
        Assert.Equal([2, 1], sizes);
        Assert.All(totals, t => Assert.Equal("3", t));
        Assert.Equal(guests, collaborators.Select(c => (string)c["email"]!));
        Assert.Equal(3, guests.Distinct().Count());

        Assert.Contains("limit: ", (await admin.SendJsonAsync(HttpMethod.Get, $"/api/v1/projects/{slug}/members?limit=0", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);
        Assert.Contains("page: ", (await admin.SendJsonAsync(HttpMethod.Get, $"/api/v1/incidents/{incident}/collaborators?page=two", null,
            HttpStatusCode.UnprocessableEntity)).Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/projects?limit=0", "limit")]
    [InlineData("/api/v1/projects?limit=201", "limit")]
    [InlineData("/api/v1/projects?page=-1", "page")]
    public async Task ProjectListApi_BadPaging_Answers422NamingTheParameter(string path, string field)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);

        var problem = await api.SendJsonAsync(HttpMethod.Get, path, null, HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"{field}: ", problem.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projects?p=0", "p")]
    [InlineData("/projects?pageSize=many", "pageSize")]
    public async Task ProjectListPage_BadPaging_Answers400NamingTheParameter(string path, string field)
    {
        var page = await PageClient.SignInAsync(factory, admin: true);

        using var response = await page.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}: ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<h2><a href=\"/projects/[^\"]+\">([^<]+)</a></h2>")]
    private static partial Regex ProjectNames();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex NextAnchor();
}

public sealed class SqlitePeopleListPagingTests(SqliteFactory factory) : PeopleListPagingTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPeopleListPagingTests(PostgresFactory factory) : PeopleListPagingTests(factory), IClassFixture<PostgresFactory>;
