using System.Net;
using Firebreak.Cli.Common;
using Firebreak.Web.Features.Watch;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Watch;

/// <summary>
/// Watched projects on SQLite and PostgreSQL: an index built with `firebreak db import` from a KEV
/// catalog and matching OSV records; a lockfile on the release path opens exactly one kev-match
/// incident, and neither a second manifest nor an advisory refresh opens another.
/// </summary>
public abstract class WatchTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("firebreak-watch-");
    private FirebreakFactory _factory = null!;

    private string IndexPath => Path.Combine(_folder.FullName, "advisories.fbx");

    protected abstract FirebreakFactory Create();

    public ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "kev.json"), Kev);
        File.WriteAllText(Path.Combine(_folder.FullName, "osv.json"), Osv);
        Import();
        _factory = Create();
        _factory.Settings["Advisories:Index"] = IndexPath;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private void Import()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Firebreak.Cli.Program.Run(["db", "import", "--osv", Path.Combine(_folder.FullName, "osv.json"),
            "--kev", Path.Combine(_folder.FullName, "kev.json"), "--db", IndexPath], new CliContext(new StringReader(""), output, error));
        Assert.True(exit == 0, $"db import exited {exit}: {error}");
    }

    private async Task<(HttpClient Api, string Slug)> ProjectAsync()
    {
        var (api, _) = await _factory.CreateUserClientAsync(admin: true);
        var slug = $"w{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Watched" }, HttpStatusCode.Created);
        return (api, slug);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> RegisterAsync(HttpClient api, string slug, string name, string content, bool releasePath = true) =>
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/manifests", new { name, content, releasePath }, HttpStatusCode.OK);

    [Fact]
    public async Task KevMatchOnReleasePath_OpensExactlyOneKevIncident_EvenAfterRefresh()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();

        var first = await RegisterAsync(api, slug, "package-lock.json", Lock("2.14.0"));
        Assert.Equal(2, first["findings"]!.AsArray().Count);
        Assert.Equal(2, first["openedIncidents"]!.AsArray().Count);
        var second = await RegisterAsync(api, slug, "web/package-lock.json", Lock("2.15.0"));
        Assert.Empty(second["openedIncidents"]!.AsArray());

        File.SetLastWriteTimeUtc(Path.Combine(_folder.FullName, "osv.json"), DateTime.UtcNow);
        Import(); // an advisory refresh: a new index file
        await using (var scope = _factory.Services.CreateAsyncScope())
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<CheckDueManifests>().ExecuteAsync(Ct));

        var incidents = (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray();
        var kev = Assert.Single(incidents, i => (string?)i!["kind"] == "kev-match")!;
        Assert.Equal("critical", (string?)kev["severity"]);
        Assert.Equal("kev-match", (string?)kev["playbooks"]![0]!["playbookId"]);
        Assert.Contains("CVE-2021-44228", (string?)kev["summary"], StringComparison.Ordinal);
        Assert.Contains("Fixed version: 2.17.0", (string?)kev["summary"], StringComparison.Ordinal);
        var dependency = Assert.Single(incidents, i => (string?)i!["kind"] == "compromised-dependency")!;
        Assert.Equal("high", (string?)dependency["severity"]);
        Assert.Equal(2, incidents.Count);

        var kevFindings = (await api.GetJsonAsync($"/api/v1/projects/{slug}/findings?kev=true")).AsArray();
        Assert.Equal(2, kevFindings.Count); // one per manifest, both linked to the one incident
        Assert.All(kevFindings, f => Assert.Equal((string?)kev["id"], (string?)f!["incidentId"]));
        Assert.All(kevFindings, f => Assert.Equal("2021-12-24", (string?)f!["kevDueDate"]));
    }

    [Fact]
    public async Task ManifestsRegisteredAtOnce_WithTheSameVulnerabilities_OpenOneIncidentEach()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var response = await api.PutAsync(new Uri($"/api/v1/projects/{slug}/manifests", UriKind.Relative),
                System.Net.Http.Json.JsonContent.Create(new { name = $"app{i}/package-lock.json", content = Lock("2.14.0"), releasePath = true }), Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }, Ct)));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK, r.Body));
        var incidents = (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray();
        Assert.Equal(["compromised-dependency", "kev-match"], incidents.Select(i => (string)i!["kind"]!).Order());
        Assert.Equal([1, 2], incidents.Select(i => (int)i!["number"]!).Order());
        var findings = (await api.GetJsonAsync($"/api/v1/projects/{slug}/findings")).AsArray();
        Assert.Equal(16, findings.Count);
        Assert.Equal(incidents.Select(i => (string)i!["id"]!).Order(), findings.Select(f => (string)f!["incidentId"]!).Distinct().Order());
    }

    [Fact]
    public async Task TwoCopiesOfAPackageInOneManifest_HittingOneAdvisory_OpenOneIncident()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        const string twoCopies = """
            {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
              "": {"name": "app", "version": "1.0.0", "dependencies": {"vulnerable-logger": "^2.14.0", "reporter": "^1.0.0"} },
              "node_modules/vulnerable-logger": {"version": "2.14.0"},
              "node_modules/reporter": {"version": "1.0.0", "dependencies": {"vulnerable-logger": "2.15.0"}},
              "node_modules/reporter/node_modules/vulnerable-logger": {"version": "2.15.0"} } }
            """;
        var registered = await RegisterAsync(api, slug, "package-lock.json", twoCopies);
        Assert.Equal(2, registered["findings"]!.AsArray().Count); // one per copy
        Assert.Single(registered["openedIncidents"]!.AsArray());
        var incident = Assert.Single((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray())!;
        Assert.Equal("kev-match", (string?)incident["kind"]);
        var findings = (await api.GetJsonAsync($"/api/v1/projects/{slug}/findings")).AsArray();
        Assert.All(findings, f => Assert.Equal((string?)incident["id"], (string?)f!["incidentId"]));
    }

    [Fact]
    public async Task VexNotAffected_SilencesTheFinding_NoIncidentOpens()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        const string vex = """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex/app-1", "author": "app maintainers",
             "timestamp": "2026-11-20T10:00:00Z", "version": 1,
             "statements": [{"vulnerability": {"name": "CVE-2021-44228"}, "products": [{"@id": "pkg:npm/vulnerable-logger@2.14.0"}],
               "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path", "impact_statement": "lookups are disabled"}]}
            """;
        var registered = await RegisterAsync(api, slug, "vex/vulnerable-logger-CVE-2021-44228.json", vex);
        Assert.Empty(registered["findings"]!.AsArray());

        var locked = await RegisterAsync(api, slug, "package-lock.json", Lock("2.14.0"));
        var opened = Assert.Single(locked["openedIncidents"]!.AsArray());
        var incidents = (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray();
        Assert.Equal("compromised-dependency", (string?)Assert.Single(incidents)!["kind"]);
        Assert.Equal((string?)opened, (string?)incidents[0]!["id"]);
        var kevFinding = Assert.Single((await api.GetJsonAsync($"/api/v1/projects/{slug}/findings?kev=true")).AsArray())!;
        Assert.Null(kevFinding["incidentId"]);
        Assert.Contains("vulnerable_code_not_in_execute_path", (string?)kevFinding["suppressed"], StringComparison.Ordinal);
        Assert.Contains("lookups are disabled", (string?)kevFinding["suppressed"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingOffTheReleasePath_IsRecordedWithoutAnIncident_AndResolvesWhenFixed()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        var registered = await RegisterAsync(api, slug, "tools/package-lock.json", Lock("2.14.0"), releasePath: false);
        Assert.Empty(registered["openedIncidents"]!.AsArray());
        Assert.All(registered["findings"]!.AsArray(), f => Assert.False((bool)f!["releasePath"]!));
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());

        await RegisterAsync(api, slug, "tools/package-lock.json", Lock("2.17.0", regex: "1.0.1"), releasePath: false);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/findings")).AsArray());
        Assert.Equal(2, (await api.GetJsonAsync($"/api/v1/projects/{slug}/findings?resolved=true")).AsArray().Count);
    }

    [Fact]
    public async Task DependenciesPage_UploadThenFilter_ShowsTheKevFindingAndItsIncident()
    {
        _factory.RequireDatabase();
        var (_, slug) = await ProjectAsync();
        var page = await PageClient.SignInAsync(_factory, admin: true);
        var path = $"/projects/{slug}/dependencies";
        using (var upload = await page.PostFormAsync(path, path + "?handler=Upload",
            new() { ["name"] = "package-lock.json", ["content"] = Lock("2.14.0"), ["releasePath"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var html = await page.GetHtmlAsync(path + "?Kev=true");
        Assert.Contains("pkg:npm/vulnerable-logger@2.14.0", html, StringComparison.Ordinal);
        Assert.Contains("CVE-2021-44228, due 2021-12-24", html, StringComparison.Ordinal);
        Assert.DoesNotContain("slow-regex", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/incidents/[0-9a-f-]{36}\">open</a>", html);
        Assert.Contains("is not a severity", await page.GetHtmlAsync(path + "?Severity=bogus"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingsAndManifests_Page_InTheApiAndThePage_KeepingTheFilters()
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        foreach (var folder in new[] { "c", "a", "b" }) await RegisterAsync(api, slug, $"{folder}/package-lock.json", Lock("2.14.0"), releasePath: false);

        // Six findings: the three known exploited ones lead, then the three high ones, each group by component and id.
        var findings = new List<System.Text.Json.Nodes.JsonNode>();
        string? next = $"/api/v1/projects/{slug}/findings?releasePath=false&limit=4";
        var sizes = new List<int>();
        while (next is not null)
        {
            using var response = await api.GetAsync(new Uri(next, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("6", response.Headers.GetValues("X-Total-Count").Single());
            var items = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
            sizes.Add(items.Count);
            findings.AddRange(items.Select(i => i!));
            var link = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Link").Single(), "<([^>]+)>; rel=\"next\"");
            next = link.Success ? link.Groups[1].Value : null;
            if (next is not null) Assert.Contains("releasePath=false", next, StringComparison.Ordinal);
        }
        Assert.Equal([4, 2], sizes);
        Assert.Equal(6, findings.Select(f => (string)f["id"]!).Distinct().Count());
        Assert.Equal(["CVE-2021-44228", "CVE-2021-44228", "CVE-2021-44228", null, null, null], findings.Select(f => (string?)f["kev"]));
        var again = (await api.GetJsonAsync($"/api/v1/projects/{slug}/findings?releasePath=false&limit=4&page=2")).AsArray();
        Assert.Equal(findings.Skip(4).Select(f => (string)f["id"]!), again.Select(f => (string)f!["id"]!));

        using (var manifests = await api.GetAsync(new Uri($"/api/v1/projects/{slug}/manifests?limit=2&page=2", UriKind.Relative), Ct))
        {
            Assert.Equal("3", manifests.Headers.GetValues("X-Total-Count").Single());
            var last = System.Text.Json.Nodes.JsonNode.Parse(await manifests.Content.ReadAsStringAsync(Ct))!.AsArray();
            Assert.Equal(["c/package-lock.json"], last.Select(m => (string)m!["name"]!));
            Assert.Contains("rel=\"prev\"", manifests.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        }
        Assert.Contains("limit: ", (await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/projects/{slug}/findings?limit=0", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);
        Assert.Contains("page: ", (await api.SendJsonAsync(HttpMethod.Get, $"/api/v1/projects/{slug}/manifests?page=x", null, HttpStatusCode.UnprocessableEntity)).Text(),
            StringComparison.Ordinal);

        var page = await PageClient.SignInAsync(_factory, admin: true);
        var path = $"/projects/{slug}/dependencies";
        var first = await page.GetHtmlAsync(path + "?Kev=true&pageSize=2&manifestsPageSize=2");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(first, "<tr>\\s*<td><code>pkg:npm/vulnerable-logger"));
        Assert.Contains("3 finding(s) · page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("<td>a/package-lock.json</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>c/package-lock.json</td>", first, StringComparison.Ordinal);
        var findingsNext = NextIn(first, "pager");
        Assert.Contains("Kev=true", findingsNext, StringComparison.Ordinal);
        Assert.Contains("pageSize=2", findingsNext, StringComparison.Ordinal);
        Assert.Contains("p=2", findingsNext, StringComparison.Ordinal);
        var manifestsNext = NextIn(first, "manifests-pager");
        Assert.Contains("manifestsPage=2", manifestsNext, StringComparison.Ordinal);
        Assert.Contains("Kev=true", manifestsNext, StringComparison.Ordinal);

        var second = await page.GetHtmlAsync(findingsNext);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(second, "<tr>\\s*<td><code>pkg:npm/vulnerable-logger"));
        Assert.DoesNotContain("slow-regex@", second, StringComparison.Ordinal);
        Assert.Contains("3 finding(s) · page 2 of 2", second, StringComparison.Ordinal);
        var otherList = await page.GetHtmlAsync(manifestsNext);
        Assert.Contains("<td>c/package-lock.json</td>", otherList, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>a/package-lock.json</td>", otherList, StringComparison.Ordinal);

        foreach (var (query, field) in new[] { ("p=0", "p"), ("pageSize=x", "pageSize"), ("manifestsPage=-1", "manifestsPage"), ("manifestsPageSize=201", "manifestsPageSize") })
        {
            using var bad = await page.Http.GetAsync(new Uri($"{path}?{query}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains($"{field}: ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    /// <summary>The next-page address of the pager with this id.</summary>
    private static string NextIn(string html, string pagerId)
    {
        var start = html.IndexOf($"id=\"{pagerId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"a pager {pagerId}");
        var nav = html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
        var link = System.Text.RegularExpressions.Regex.Match(nav, "<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">");
        Assert.True(link.Success, $"a next link in {pagerId}");
        return WebUtility.HtmlDecode(link.Groups[1].Success ? link.Groups[1].Value : link.Groups[2].Value);
    }

    [Theory]
    [InlineData("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/x\": 5}}", "node_modules/x")]
    [InlineData("Cargo.lock", "[[package]\nname = ", "Cargo.lock")]
    [InlineData("notes.txt", "hello", "not a lockfile or SBOM")]
    [InlineData("../etc/passwd", "x", "not a file path")]
    [InlineData("package-lock.json", "", "is empty")]
    public async Task Register_MalformedOrUnknown_AnswersProblemAndStoresNothing(string name, string content, string expected)
    {
        _factory.RequireDatabase();
        var (api, slug) = await ProjectAsync();
        var problem = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/manifests", new { name, content }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(expected, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/manifests")).AsArray());
    }

    private static string Lock(string logger, string regex = "1.0.0") => $$"""
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
          "": {"name": "app", "version": "1.0.0", "dependencies": {"vulnerable-logger": "^{{logger}}", "slow-regex": "^{{regex}}"} },
          "node_modules/vulnerable-logger": {"version": "{{logger}}"},
          "node_modules/slow-regex": {"version": "{{regex}}"} } }
        """;

    private const string Kev = """
        {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01", "dateReleased": "2026-12-01T00:00:00.000Z", "count": 1,
         "vulnerabilities": [{"cveID": "CVE-2021-44228", "vendorProject": "Example", "product": "vulnerable-logger",
           "vulnerabilityName": "Remote code execution through message lookups", "dateAdded": "2021-12-10",
           "shortDescription": "Lookups in logged messages load remote code.", "requiredAction": "Apply updates.",
           "dueDate": "2021-12-24", "knownRansomwareCampaignUse": "Known", "notes": ""}]}
        """;

    private const string Osv = """
        [{"id": "GHSA-jfh8-c2jp-5v3q", "modified": "2026-11-30T00:00:00Z", "aliases": ["CVE-2021-44228"], "summary": "Message lookups load remote code",
          "affected": [{"package": {"ecosystem": "npm", "name": "vulnerable-logger"},
            "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.17.0"}]}]}]},
         {"id": "GHSA-9c47-m6qq-7p4h", "modified": "2026-11-30T00:00:00Z", "summary": "Catastrophic backtracking",
          "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
          "affected": [{"package": {"ecosystem": "npm", "name": "slow-regex"},
            "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.1"}]}]}]}]
        """;
}

public sealed class SqliteWatchTests : WatchTests
{
    protected override FirebreakFactory Create() => new SqliteFactory();
}

public sealed class PostgresWatchTests : WatchTests
{
    protected override FirebreakFactory Create() => new PostgresFactory();
}
