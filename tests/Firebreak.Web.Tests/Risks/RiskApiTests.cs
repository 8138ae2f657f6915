using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Risks;

public sealed class SqliteRiskApiTests(SqliteFactory factory) : RiskApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRiskApiTests(PostgresFactory factory) : RiskApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// The risk register through the API on SQLite and PostgreSQL: entering, changing and linking entries (each change in
/// the audit history and on the incidents' timelines), filters and counts, the review clock of accepted risks,
/// RISK-REGISTER.md and JSON export and import (byte-identical round trip, precise refusals), and concurrent writers.
/// </summary>
public abstract class RiskApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug)> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"k{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Register" }, HttpStatusCode.Created);
        return (api, slug);
    }

    private static async Task<JsonNode> OpenAsync(HttpClient api, string slug, string title) =>
        await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title, severity = "high" }, HttpStatusCode.Created);

    private static object Risk(string title, params int[] incidents) => new
    {
        title, categories = new[] { "spoofing", "T" }, asset = "webhook receiver", threat = "A forged delivery | replayed\nfrom a log", likelihood = 4, impact = 3,
        mitigations = @"HMAC with C:\keys", owner = "@ana", incidents,
    };

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient api, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await api.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Entries_AreNumbered_Changed_Linked_AndEveryChangeIsInTheHistoryAndTimeline()
    {
        var (api, slug) = await ProjectAsync();
        var first = await OpenAsync(api, slug, "Forged webhook");
        var second = await OpenAsync(api, slug, "Replay");
        var created = await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("Forged webhooks", (int)first["number"]!), HttpStatusCode.Created);
        Assert.Equal("RISK-001", (string)created["id"]!);
        Assert.Equal(["spoofing", "tampering"], created["categories"]!.AsArray().Select(c => (string)c!));
        Assert.Equal((12, "high", "open"), ((int)created["rating"]!, (string)created["level"]!, (string)created["status"]!));
        Assert.Equal("A forged delivery | replayed\nfrom a log", (string)created["threat"]!);
        Assert.Equal("RISK-002", (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("Second"), HttpStatusCode.Created))["id"]!);

        var changed = await api.PatchJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001", new
        {
            likelihood = 2, status = "accepted", acceptedUntil = "2027-03-01", acceptedBy = "Ana Lima", incidents = new[] { (int)second["number"]! },
        });
        Assert.Equal((6, "medium"), ((int)changed["rating"]!, (string)changed["level"]!));
        Assert.Equal(("accepted", "2027-03-01", "Ana Lima"), ((string)changed["status"]!, (string)changed["acceptedUntil"]!, (string)changed["acceptedBy"]!));
        Assert.Equal([(int)second["number"]!], changed["incidents"]!.AsArray().Select(i => (int)i!["number"]!));
        var mitigated = await api.PatchJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001", new { status = "mitigated" });
        Assert.Null(mitigated["acceptedUntil"]); // moving away from accepted drops the acceptance
        Assert.Null(mitigated["acceptedBy"]);

        var detail = await api.GetJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001");
        var history = detail["history"]!.AsArray().Select(h => (string)h!["detail"]!).ToList();
        Assert.Equal(3, history.Count);
        Assert.StartsWith($"RISK-001 in {slug} entered: open; S, T; likelihood 4 × impact 3 = 12 (high); incidents #{first["number"]}", history[0], StringComparison.Ordinal);
        Assert.Contains("likelihood 4 → 2", history[1], StringComparison.Ordinal);
        Assert.Contains("status open → accepted until 2027-03-01 by Ana Lima", history[1], StringComparison.Ordinal);
        Assert.Contains($"incidents +#{second["number"]}, −#{first["number"]}", history[1], StringComparison.Ordinal);
        Assert.DoesNotContain("forged", string.Join(" ", history), StringComparison.OrdinalIgnoreCase); // sealed text is named, never copied
        await api.PatchJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001", new { status = "mitigated" }); // no change: no record
        Assert.Equal(3, (await api.GetJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001"))["history"]!.AsArray().Count);

        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{first["id"]}/timeline")).AsArray().Select(e => ((string)e!["kind"]!, (string)e["text"]!)).ToList();
        Assert.Contains(("risk", "Linked to RISK-001 in the risk register"), timeline);
        Assert.Contains(("risk", "No longer linked to RISK-001 in the risk register"), timeline);
    }

    [Fact]
    public async Task List_FiltersByStatusAndCategory_AndCounts()
    {
        var (api, slug) = await ProjectAsync();
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("Spoofed"), HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = "Flood", categories = new[] { "denial-of-service" }, asset = "API", threat = "Many calls", likelihood = 5, impact = 5 }, HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = "Moved", categories = new[] { "E" }, asset = "CI", threat = "Runner", likelihood = 1, impact = 2, status = "transferred", transferredTo = "the CI host" }, HttpStatusCode.Created);
        var all = await api.GetJsonAsync($"/api/v1/projects/{slug}/risks");
        Assert.Equal(["RISK-002", "RISK-001", "RISK-003"], all["risks"]!.AsArray().Select(r => (string)r!["id"]!)); // highest rating first
        Assert.Equal((3, 2, 1, 2), ((int)all["counts"]!["total"]!, (int)all["counts"]!["open"]!, (int)all["counts"]!["transferred"]!, (int)all["counts"]!["highOrCritical"]!));
        Assert.Equal(["RISK-002"], (await api.GetJsonAsync($"/api/v1/projects/{slug}/risks?category=denial-of-service"))["risks"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(["RISK-003"], (await api.GetJsonAsync($"/api/v1/projects/{slug}/risks?status=transferred"))["risks"]!.AsArray().Select(r => (string)r!["id"]!));
        var bad = await api.GetJsonAsync($"/api/v1/projects/{slug}/risks?category=gremlins", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("category", (string)bad["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedRisk_PastItsDate_AsksForReview()
    {
        var (api, slug) = await ProjectAsync();
        var until = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Old TLS", categories = new[] { "information-disclosure" }, asset = "mirror", threat = "Downgrade", likelihood = 2, impact = 4,
            status = "accepted", acceptedUntil = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), acceptedBy = "Bo",
        }, HttpStatusCode.Created);
        Assert.False((bool)(await api.GetJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001"))["risk"]!["reviewDue"]!);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/risks?reviewDue=true"))["risks"]!.AsArray());
        factory.Clock.Advance(TimeSpan.FromDays(4));
        var risk = (await api.GetJsonAsync($"/api/v1/projects/{slug}/risks/RISK-001"))["risk"]!;
        Assert.True((bool)risk["reviewDue"]!);
        Assert.Equal(new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), risk["reviewDueAt"]!.Instant());
        var due = await api.GetJsonAsync($"/api/v1/projects/{slug}/risks?reviewDue=true");
        Assert.Equal("RISK-001", (string)due["risks"]![0]!["id"]!);
        Assert.Equal(1, (int)due["counts"]!["reviewDue"]!);
    }

    [Fact]
    public async Task Writes_RefuseEveryBadField_NamingIt_AndUnknownThingsAre404()
    {
        var (api, slug) = await ProjectAsync();
        var path = $"/api/v1/projects/{slug}/risks";
        var cases = new (object Body, string Field)[]
        {
            (new { categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1 }, "title:"),
            (new { title = "t", categories = Array.Empty<string>(), asset = "a", threat = "t", likelihood = 1, impact = 1 }, "categories:"),
            (new { title = "t", categories = new[] { "S", "gremlins" }, asset = "a", threat = "t", likelihood = 1, impact = 1 }, "categories[1]:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 6, impact = 1 }, "likelihood:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1 }, "impact:"),
            (new { title = "t\u0000x", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1 }, "title:"),
            (new { title = new string('x', 201), categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1 }, "title:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1, status = "accepted", acceptedBy = "x" }, "acceptedUntil:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1, status = "open", acceptedBy = "x" }, "acceptedBy:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1, status = "transferred" }, "transferredTo:"),
            (new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1, incidents = new[] { 99 } }, "incidents[0]:"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await api.PostJsonAsync(path, body, HttpStatusCode.UnprocessableEntity);
            Assert.StartsWith(field, (string)problem["detail"]!, StringComparison.Ordinal);
        }
        var malformed = await api.SendJsonAsync(HttpMethod.Post, path, new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = "high", impact = 1 }, HttpStatusCode.BadRequest);
        Assert.Contains("likelihood", malformed.Text(), StringComparison.Ordinal);
        var date = await api.SendJsonAsync(HttpMethod.Post, path, new { title = "t", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1, status = "accepted", acceptedUntil = "someday", acceptedBy = "x" }, HttpStatusCode.BadRequest);
        Assert.Contains("acceptedUntil", date.Text(), StringComparison.Ordinal);
        Assert.Equal(0, (int)(await api.GetJsonAsync(path))["counts"]!["total"]!); // nothing refused was kept, no number taken
        Assert.Equal("RISK-001", (string)(await api.PostJsonAsync(path, Risk("Real"), HttpStatusCode.Created))["id"]!);
        foreach (var id in new[] { "RISK-002", "RISK-1", "risk-001", "RISK-0001", "%3Cscript%3E" })
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"{path}/{id}")).Status);
        await api.SendJsonAsync(HttpMethod.Patch, $"{path}/RISK-009", new { likelihood = 2 }, HttpStatusCode.NotFound);
        await api.GetJsonAsync($"/api/v1/projects/nope-{Guid.NewGuid():N}"[..30] + "/risks", HttpStatusCode.NotFound);
        var bogus = await api.GetJsonAsync($"{path}/export?format=pdf", HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("format:", (string)bogus["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_ExportImportExport_IsByteIdentical_AcrossProjects()
    {
        var (api, slug) = await ProjectAsync();
        var incident = await OpenAsync(api, slug, "Linked");
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("Pipes | and \\ backslashes <br> ünïcødé 😀", (int)incident["number"]!), HttpStatusCode.Created);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Accepted", categories = new[] { "R", "E" }, asset = "audit log", threat = "Line one\nLine two | three", likelihood = 1, impact = 5,
            status = "accepted", acceptedUntil = "2027-01-31", acceptedBy = "Ana | Lima",
        }, HttpStatusCode.Created);
        var exported = await ExportAsync(api, slug);
        Assert.Contains("| RISK-002 | Accepted | R, E | audit log | Line one<br>Line two \\| three | 1 | 5 | 5 (medium) |  | accepted until 2027-01-31 by Ana \\| Lima |  |  |", exported, StringComparison.Ordinal);

        // Into the same project: nothing changes.
        var same = await ImportAsync(api, slug, exported, "text/markdown", HttpStatusCode.OK);
        Assert.Equal(["RISK-001", "RISK-002"], same["unchanged"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(exported, await ExportAsync(api, slug));

        // Into another project with an incident #1: the same bytes come out.
        var (other, otherSlug) = await ProjectAsync();
        await OpenAsync(other, otherSlug, "Its own #1");
        var dry = await ImportAsync(other, otherSlug, exported, "text/markdown", HttpStatusCode.OK, dryRun: true);
        Assert.Equal(["RISK-001", "RISK-002"], dry["created"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(0, (int)(await other.GetJsonAsync($"/api/v1/projects/{otherSlug}/risks"))["counts"]!["total"]!);
        var imported = await ImportAsync(other, otherSlug, exported, "text/markdown", HttpStatusCode.OK);
        Assert.Equal(["RISK-001", "RISK-002"], imported["created"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(Encoding.UTF8.GetBytes(exported), Encoding.UTF8.GetBytes(await ExportAsync(other, otherSlug)));
        // The sequence moved past the imported numbers.
        Assert.Equal("RISK-003", (string)(await other.PostJsonAsync($"/api/v1/projects/{otherSlug}/risks", Risk("Next"), HttpStatusCode.Created))["id"]!);
        var history = (await other.GetJsonAsync($"/api/v1/projects/{otherSlug}/risks/RISK-001"))["history"]!.AsArray();
        Assert.Contains(" imported: ", (string)history.Single()!["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ExportImport_KeepsEveryEntry()
    {
        var (api, slug) = await ProjectAsync();
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("JSON | entry"), HttpStatusCode.Created);
        var json = await SendAsync(api, HttpMethod.Get, $"/api/v1/projects/{slug}/risks/export?format=json");
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal("firebreak-risk-register", (string)JsonNode.Parse(json.Text)!["format"]!);
        var (other, otherSlug) = await ProjectAsync();
        var outcome = await ImportAsync(other, otherSlug, json.Text, "application/json", HttpStatusCode.OK);
        Assert.Equal(["RISK-001"], outcome["created"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(await ExportAsync(api, slug), await ExportAsync(other, otherSlug));
    }

    [Fact]
    public async Task Import_RefusesHostileDocuments_Precisely_AndKeepsNothing()
    {
        var (api, slug) = await ProjectAsync();
        const string header = "| ID | Title | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";
        var cases = new (string Document, int Line, int Column, string Field)[]
        {
            ("just words\n", 1, 1, "table"),
            (header + "| RISK-001 | T | S | A | X | 9 | 1 | 9 | | open | | |\n", 3, 30, "Likelihood"),
            (header + "| RISK-001 | <script>alert(1)</script> | S | A | X | 1 | 1 | 1 | | open | | #7 |\n", 3, 77, "Incidents"),
            (header + "| RISK-001 | T | S | A | X | 1 | 1 | 1 | | open | | |\n| RISK-001 | U | S | A | X | 1 | 1 | 1 | | open | | |\n", 4, 3, "ID"),
            (header + "| RISK-001 | T | S | A | X | 1 | 1 | 1 | | open | a | b | c |\n", 3, 59, "row"),
        };
        foreach (var (document, line, column, field) in cases)
        {
            var problem = await ImportAsync(api, slug, document, "text/markdown", HttpStatusCode.UnprocessableEntity);
            var error = problem["errors"]![0]!;
            Assert.Equal((line, column, field), ((int)error["line"]!, (int)error["column"]!, (string)error["field"]!));
            Assert.StartsWith($"line {line}, column {column} ({field}):", (string)problem["detail"]!, StringComparison.Ordinal);
        }
        var many = header + string.Concat(Enumerable.Range(1, 500).Select(i => $"| RISK-{i:000} | T | S | A | X | 1 | 1 | 2 | | open | | |\n"));
        var capped = await ImportAsync(api, slug, many, "text/markdown", HttpStatusCode.UnprocessableEntity);
        Assert.Equal(100, capped["errors"]!.AsArray().Count);

        var jsonCases = new (string Document, string Path)[]
        {
            ("{\"format\":\"firebreak-risk-register\",\"version\":1,\"risks\":[{\"id\":\"RISK-001\",\"title\":\"t\",\"categories\":[\"S\"],\"asset\":\"a\",\"threat\":\"x\",\"likelihood\":0,\"impact\":1}]}", "$.risks[0].likelihood"),
            ("{\"format\":\"firebreak-risk-register\",\"version\":1,\"risks\":[{\"id\":\"R-1\"}]}", "$.risks[0].id"),
            ("{\"format\":\"other\",\"version\":1}", "$.format"),
            ("{\"format\":\"firebreak-risk-register\",\"version\":1,\"risks\":[{\"id\":\"RISK-001\",\"likelihood\":\"x\"}]}", "$.risks[0].likelihood"),
            ("{\"format\":", "$"),
            ("null", "$"),
        };
        foreach (var (document, path) in jsonCases)
        {
            var problem = await ImportAsync(api, slug, document, "application/json", HttpStatusCode.UnprocessableEntity);
            Assert.StartsWith(path, (string)problem["errors"]![0]!["path"]!, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{slug}/risks/import", new StringContent("x", Encoding.UTF8, "text/html"))).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{slug}/risks/import",
            new StringContent(new string('|', 3 * 1024 * 1024), Encoding.UTF8, "text/markdown"))).Status);
        using var bytes = new ByteArrayContent([0x7C, 0xC3, 0x28, 0x7C]);
        bytes.Headers.ContentType = new("text/markdown");
        var notUtf8 = await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{slug}/risks/import", bytes);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notUtf8.Status);
        Assert.Contains("not UTF-8", notUtf8.Text, StringComparison.Ordinal);
        Assert.Equal(0, (int)(await api.GetJsonAsync($"/api/v1/projects/{slug}/risks"))["counts"]!["total"]!);
    }

    [Fact]
    public async Task ConcurrentWriters_EachGetTheirOwnNumber_AndAnImportRaisesTheSequence()
    {
        var (api, slug) = await ProjectAsync();
        var (second, _) = await factory.CreateUserClientAsync(admin: true);
        const int count = 24;
        var statuses = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            using var response = await (i % 2 == 0 ? api : second).PostAsJsonAsync($"/api/v1/projects/{slug}/risks", Risk($"Risk {i}"), Ct);
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
        }, Ct)));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s.StatusCode));
        Assert.Equal(Enumerable.Range(1, count).Select(n => $"RISK-{n:000}"), statuses.Select(s => (string)s.Item2["id"]!).Order(StringComparer.Ordinal));

        var document = (await ExportAsync(api, slug)).Replace("| RISK-024 |", "| RISK-050 |", StringComparison.Ordinal);
        var racing = Task.Run(() => ImportAsync(second, slug, document, "text/markdown", HttpStatusCode.OK), Ct);
        var more = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk($"More {i}"), HttpStatusCode.Created)));
        var outcome = await racing;
        Assert.Equal(["RISK-050"], outcome["created"]!.AsArray().Select(x => (string)x!));
        var ids = (await api.GetJsonAsync($"/api/v1/projects/{slug}/risks"))["risks"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(count + 7, ids.Count);
        Assert.Contains("RISK-050", ids);
        Assert.True(more.All(m => (string)m["id"]! != "RISK-050"));
        var highest = ids.Max(id => int.Parse(id[5..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(highest >= 50);
        Assert.Equal($"RISK-{highest + 1:000}", (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", Risk("After"), HttpStatusCode.Created))["id"]!);
    }

    private static async Task<string> ExportAsync(HttpClient api, string slug)
    {
        var (status, text) = await SendAsync(api, HttpMethod.Get, $"/api/v1/projects/{slug}/risks/export?format=markdown");
        Assert.Equal(HttpStatusCode.OK, status);
        return text;
    }

    private static async Task<JsonNode> ImportAsync(HttpClient api, string slug, string document, string type, HttpStatusCode expected, bool dryRun = false)
    {
        var (status, text) = await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{slug}/risks/import{(dryRun ? "?dryRun=true" : "")}",
            new StringContent(document, Encoding.UTF8, type));
        Assert.True(status == expected, $"{(int)status}: {text}");
        return JsonNode.Parse(text)!;
    }
}
