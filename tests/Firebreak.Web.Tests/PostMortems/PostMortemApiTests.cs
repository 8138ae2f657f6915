using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.PostMortems;

public sealed class SqlitePostMortemApiTests(SqliteFactory factory) : PostMortemApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPostMortemApiTests(PostgresFactory factory) : PostMortemApiTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// The post-mortem and its action items through the API, on SQLite and PostgreSQL: the timeline comes pre-filled from the
/// incident and its audit records and is curated; saves carry their version and an outdated one is 409; the board signs
/// off and the clock stops; exports; action items with owners, clocks and statuses; hostile input; concurrent writers.
/// </summary>
public abstract class PostMortemApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(HttpClient Admin, string AdminEmail, HttpClient Board, string BoardEmail, string Slug, string Incident);

    private async Task<Setup> IncidentAsync(string severity = "high")
    {
        var (admin, adminEmail) = await factory.CreateUserClientAsync(admin: false);
        var (root, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"pm{Guid.NewGuid():N}"[..16];
        await root.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = adminEmail, role = "admin" }, HttpStatusCode.NoContent);
        var (board, boardEmail) = await factory.CreateUserClientAsync(admin: false);
        await root.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = boardEmail, role = "board" }, HttpStatusCode.NoContent);
        var incident = (string)(await admin.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "vulnerability-report", title = "Panic wipe leaves the key", severity }, HttpStatusCode.Created))["id"]!;
        return new(admin, adminEmail, board, boardEmail, slug, incident);
    }

    private static object Body(int version, string summary = "The wipe left key.bin behind.", string rootCause = "The wipe skipped dot-directories.",
        object? curation = null) => new
    {
        version,
        sections = new Dictionary<string, string> { ["summary"] = summary, ["root-cause"] = rootCause, ["went-well"] = "The reporter's steps reproduced at once." },
        regressionTestUrl = "https://example.org/springtale/pull/42",
        curation,
    };

    [Fact]
    public async Task PostMortem_TimelineComesPrefilled_AndCurationIsKept()
    {
        var s = await IncidentAsync();
        await s.Admin.PatchJsonAsync($"/api/v1/incidents/{s.Incident}", new { note = "Reproduced on 0.4.1" });
        var fresh = await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}/postmortem");
        Assert.Equal(0, (int)fresh["version"]!);
        Assert.Equal("", (string)fresh["sections"]!["root-cause"]!);
        var events = fresh["timeline"]!.AsArray();
        Assert.Equal("timeline-1", (string)events[0]!["key"]!);
        Assert.StartsWith("Opened vulnerability-report incident", (string)events[0]!["text"]!, StringComparison.Ordinal);
        var note = events.Single(e => (string)e!["text"]! == "Reproduced on 0.4.1")!;
        var noteKey = (string)note["key"]!;

        var at = factory.Clock.GetUtcNow().AddHours(-30);
        var saved = await s.Admin.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{s.Incident}/postmortem", Body(0, curation: new
        {
            hidden = new[] { "timeline-1" },
            annotations = new Dictionary<string, string> { [noteKey] = "The first reproduction, two hours in." },
            outsideEvents = new[] { new { at, text = "Reporter tweeted a teaser" } },
        }), HttpStatusCode.OK);
        Assert.Equal(1, (int)saved["version"]!);
        Assert.Equal("The wipe skipped dot-directories.", (string)saved["sections"]!["root-cause"]!);
        var timeline = saved["timeline"]!.AsArray();
        Assert.True((bool)timeline.Single(e => (string)e!["key"]! == "timeline-1")!["hidden"]!);
        Assert.Equal("The first reproduction, two hours in.", (string)timeline.Single(e => (string)e!["key"]! == noteKey)!["annotation"]!);
        var outside = timeline.Single(e => (string)e!["source"]! == "outside")!;
        Assert.Equal("Reporter tweeted a teaser", (string)outside["text"]!);
        Assert.Equal(at, outside["at"]!.Instant(), TimeSpan.FromMilliseconds(1));
        // Its own saves are recorded in the incident's timeline (audited) but are not events of the retrospective.
        var incidentTimeline = (await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}/timeline")).AsArray();
        Assert.Contains(incidentTimeline, e => (string)e!["kind"]! == "post-mortem" && ((string)e["text"]!).Contains("Root cause", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, e => (string)e!["kind"]! == "post-mortem");

        using var markdown = await s.Admin.GetAsync(new Uri($"/api/v1/incidents/{s.Incident}/postmortem?format=markdown", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{s.Slug}-1-postmortem.md", markdown.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var md = await markdown.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("# Post-mortem: Panic wipe leaves the key\n", md, StringComparison.Ordinal);
        Assert.Contains("\n## Root cause\n\nThe wipe skipped dot-directories.\n", md, StringComparison.Ordinal);
        Assert.Contains(": Reproduced on 0.4.1\n  > The first reproduction, two hours in.\n", md, StringComparison.Ordinal);
        Assert.Contains("Reporter tweeted a teaser _(outside the system)_", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Opened vulnerability-report incident", md, StringComparison.Ordinal);
        Assert.Contains("Link: <https://example.org/springtale/pull/42>", md, StringComparison.Ordinal);
        Assert.Contains("\n## Impact\n\n_Not written._\n", md, StringComparison.Ordinal);

        var json = JsonNode.Parse(await s.Admin.GetStringAsync(new Uri($"/api/v1/incidents/{s.Incident}/postmortem?format=json", UriKind.Relative), Ct))!;
        Assert.Equal("firebreak-postmortem/1", (string)json["format"]!);
        Assert.DoesNotContain(json["timeline"]!.AsArray(), e => (string)e!["key"]! == "timeline-1");
        // Each export is audited, and the audit records about the incident are events of its timeline.
        var after = (await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}/postmortem"))["timeline"]!.AsArray();
        Assert.Equal(2, after.Count(e => (string)e!["source"]! == "audit" && (string)e["kind"]! == "postmortem-export"));
        Assert.DoesNotContain(after, e => (string)e!["kind"]! == "incident-read");
    }

    [Fact]
    public async Task PostMortem_SavedFromAnOutdatedVersion_Is409_AndKeepsTheNewerText()
    {
        var s = await IncidentAsync();
        var path = $"/api/v1/incidents/{s.Incident}/postmortem";
        await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(0), HttpStatusCode.OK);
        await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(1, summary: "Alice's wording"), HttpStatusCode.OK);
        var conflict = await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(1, summary: "Bob's wording, made from version 1"), HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", (string)conflict["title"]!);
        Assert.StartsWith("version:", (string)conflict["detail"]!, StringComparison.Ordinal);
        var stored = await s.Admin.GetJsonAsync(path);
        Assert.Equal(2, (int)stored["version"]!);
        Assert.Equal("Alice's wording", (string)stored["sections"]!["summary"]!);
        // The same content again changes nothing and keeps the version.
        Assert.Equal(2, (int)(await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(2, summary: "Alice's wording"), HttpStatusCode.OK))["version"]!);
    }

    [Fact]
    public async Task PostMortem_HostileInput_IsRefusedNamingTheField()
    {
        var s = await IncidentAsync();
        var path = $"/api/v1/incidents/{s.Incident}/postmortem";
        var cases = new (object Body, string Field)[]
        {
            (new { sections = new Dictionary<string, string> { ["summary"] = "x" } }, "version:"),
            (new { version = 0, sections = new Dictionary<string, string> { ["<script>"] = "x" } }, "sections.<script>:"),
            (new { version = 0, sections = new Dictionary<string, string> { ["summary"] = new string('a', 50_001) } }, "sections.summary:"),
            (new { version = 0, regressionTestUrl = "javascript:alert(1)" }, "regressionTestUrl:"),
            (new { version = 0, curation = new { hidden = new[] { "timeline-0" } } }, "curation.hidden[0]:"),
            (new { version = 0, curation = new { hidden = new[] { "../../etc" } } }, "curation.hidden[0]:"),
            (new { version = 0, curation = new { annotations = new Dictionary<string, string> { ["outside-1"] = "x" } } }, "curation.annotations:"),
            (new { version = 0, curation = new { outsideEvents = new[] { new { at = (DateTimeOffset?)null, text = "x" } } } }, "curation.outsideEvents[0].at:"),
            (new { version = 0, curation = new { outsideEvents = new[] { new { at = (DateTimeOffset?)factory.Clock.GetUtcNow(), text = " " } } } }, "curation.outsideEvents[0].text:"),
            (new { version = 5 }, "version:"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await s.Admin.PutAsJsonAsync(path, body, Ct);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, $"{field} answered {(int)response.StatusCode}");
            Assert.StartsWith(field, (string)problem["detail"]!, StringComparison.Ordinal);
        }
        foreach (var malformed in new[] { "{", "[]", "{\"version\":\"one\"}", "{\"version\":0,\"sections\":{\"summary\":7}}", "{\"version\":0,\"curation\":{\"outsideEvents\":[{\"at\":\"next tuesday\",\"text\":\"x\"}]}}" })
        {
            using var content = new StringContent(malformed, System.Text.Encoding.UTF8, "application/json");
            using var response = await s.Admin.PutAsync(new Uri(path, UriKind.Relative), content, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{malformed} answered {(int)response.StatusCode}");
        }
        var bad = await s.Admin.GetJsonAsync($"{path}?format=pdf", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("markdown", (string)bad["detail"]!, StringComparison.Ordinal);
        // Markup is text: kept as written, and the JSON carries it as a string.
        var saved = await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(0, summary: "<img src=x onerror=alert(1)>"), HttpStatusCode.OK);
        Assert.Equal("<img src=x onerror=alert(1)>", (string)saved["sections"]!["summary"]!);
        Assert.Equal(0, (int)(await s.Admin.GetJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/postmortem", HttpStatusCode.NotFound)).AsObject().Count(kv => kv.Key == "version"));
    }

    [Fact]
    public async Task SignOff_ByTheBoard_StopsTheClock_AndTheRecordNoLongerChanges()
    {
        var s = await IncidentAsync(severity: "critical");
        var path = $"/api/v1/incidents/{s.Incident}/postmortem";
        var started = factory.Clock.GetUtcNow();
        await s.Admin.PatchJsonAsync($"/api/v1/incidents/{s.Incident}", new { stage = "post-mortem" });
        var clock = (await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}")).Clock("post-mortem");
        Assert.Equal(started.AddDays(7), clock["dueAt"]!.Instant(), TimeSpan.FromSeconds(1)); // the default policy: 7 days for critical
        Assert.Equal("running", (string)clock["state"]!);

        await s.Board.PostJsonAsync($"{path}/signoff", new { version = 0 }, HttpStatusCode.UnprocessableEntity); // nothing written yet
        await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(0, rootCause: ""), HttpStatusCode.OK);
        var missing = await s.Board.PostJsonAsync($"{path}/signoff", new { version = 1 }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Root cause", (string)missing["detail"]!, StringComparison.Ordinal);
        await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(1), HttpStatusCode.OK);
        await s.Board.SendJsonAsync(HttpMethod.Put, path, Body(2), HttpStatusCode.Forbidden); // the board signs, it does not write
        await s.Admin.PostJsonAsync($"{path}/signoff", new { version = 2 }, HttpStatusCode.Forbidden); // and only the board signs
        await s.Board.PostJsonAsync($"{path}/signoff", new { version = 1 }, HttpStatusCode.Conflict);   // it must sign what it read
        await s.Board.PostJsonAsync($"{path}/signoff", new { }, HttpStatusCode.UnprocessableEntity);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var signed = await s.Board.PostJsonAsync($"{path}/signoff", new { version = 2 });
        Assert.Equal(s.BoardEmail, (string)signed["signedOffBy"]!);
        Assert.Equal(3, (int)signed["version"]!);
        Assert.Equal("met", (string)signed["clock"]!["state"]!);
        Assert.Equal("met", (string)(await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}")).Clock("post-mortem")["state"]!);
        var edit = await s.Admin.SendJsonAsync(HttpMethod.Put, path, Body(3, summary: "later"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("signed off", (string)edit["detail"]!, StringComparison.Ordinal);
        await s.Board.PostJsonAsync($"{path}/signoff", new { version = 3 }, HttpStatusCode.UnprocessableEntity);
        var md = await s.Admin.GetStringAsync(new Uri($"{path}?format=markdown", UriKind.Relative), Ct);
        Assert.Contains($"- Status: signed off by {s.BoardEmail} for the board", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionItems_HaveOwnersClocksAndStatuses_AndShowAsOpenFollowUps()
    {
        var s = await IncidentAsync();
        var items = $"/api/v1/incidents/{s.Incident}/action-items";
        var now = factory.Clock.GetUtcNow();
        var (stranger, strangerEmail) = await factory.CreateUserClientAsync(admin: false);
        var refusals = new (object Body, string Field)[]
        {
            (new { owner = s.AdminEmail, dueAt = now.AddDays(10) }, "title:"),
            (new { title = "Lint", owner = strangerEmail, dueAt = now.AddDays(10) }, "owner:"),
            (new { title = "Lint", dueAt = now.AddDays(10) }, "owner:"),
            (new { title = "Lint", owner = s.AdminEmail }, "dueAt:"),
            (new { title = "Lint", owner = s.AdminEmail, dueAt = now.AddDays(-1) }, "dueAt:"),
            (new { title = "Lint", owner = s.AdminEmail, dueAt = now.AddDays(10), link = "javascript:alert(1)" }, "link:"),
            (new { title = new string('t', 301), owner = s.AdminEmail, dueAt = now.AddDays(10) }, "title:"),
            (new { title = "two\nlines", owner = s.AdminEmail, dueAt = now.AddDays(10) }, "title:"),
        };
        foreach (var (body, field) in refusals)
            Assert.StartsWith(field, (string)(await s.Admin.PostJsonAsync(items, body, HttpStatusCode.UnprocessableEntity))["detail"]!, StringComparison.Ordinal);
        await stranger.GetJsonAsync(items, HttpStatusCode.NotFound);

        var lint = await s.Admin.PostJsonAsync(items, new { title = "Add a lint for dot-directories", owner = s.AdminEmail, dueAt = now.AddDays(8), link = "https://example.org/springtale/issues/7" }, HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromMinutes(1)); // items of one incident are listed in the order they were added
        var test = await s.Admin.PostJsonAsync(items, new { title = "Property test of the wipe", owner = s.BoardEmail, dueAt = now.AddDays(4) }, HttpStatusCode.Created);
        Assert.Equal(s.AdminEmail, (string)lint["owner"]!);
        Assert.Equal("open", (string)lint["status"]!);
        Assert.Equal("running", (string)lint["clockState"]!);
        Assert.Equal(["Add a lint for dot-directories", "Property test of the wipe"], (await s.Admin.GetJsonAsync(items)).AsArray().Select(i => (string)i!["title"]!));
        var followUps = (await s.Admin.GetJsonAsync($"/api/v1/projects/{s.Slug}/action-items")).AsArray();
        Assert.Equal(["Property test of the wipe", "Add a lint for dot-directories"], followUps.Select(i => (string)i!["title"]!)); // soonest due first
        Assert.Equal(1, (int)followUps[0]!["incidentNumber"]!);

        factory.Clock.Advance(TimeSpan.FromDays(3.5));
        Assert.Equal("at-risk", (string)(await s.Admin.GetJsonAsync(items)).AsArray()[1]!["clockState"]!);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("breached", (string)(await s.Admin.GetJsonAsync(items)).AsArray()[1]!["clockState"]!);

        var lintPath = $"/api/v1/action-items/{lint["id"]}";
        var wont = await s.Admin.PatchJsonAsync(lintPath, new { status = "wont-do" }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("reason:", (string)wont["detail"]!, StringComparison.Ordinal);
        await s.Admin.PatchJsonAsync(lintPath, new { status = "finished" }, HttpStatusCode.UnprocessableEntity);
        await s.Admin.PatchJsonAsync(lintPath, new { owner = strangerEmail }, HttpStatusCode.UnprocessableEntity);
        var done = await s.Admin.PatchJsonAsync(lintPath, new { status = "done", version = 1 });
        Assert.Equal("done", (string)done["status"]!);
        Assert.Equal("met", (string)done["clockState"]!);
        Assert.Equal(2, (int)done["version"]!);
        await s.Admin.PatchJsonAsync(lintPath, new { status = "open", version = 1 }, HttpStatusCode.Conflict);
        var declined = await s.Admin.PatchJsonAsync($"/api/v1/action-items/{test["id"]}", new { status = "wont-do", reason = "Covered by the lint", owner = s.AdminEmail });
        Assert.Equal("wont-do", (string)declined["status"]!);
        Assert.Equal("Covered by the lint", (string)declined["reason"]!);
        Assert.Empty((await s.Admin.GetJsonAsync($"/api/v1/projects/{s.Slug}/action-items")).AsArray());
        await s.Admin.PatchJsonAsync($"/api/v1/action-items/{Guid.NewGuid()}", new { status = "done" }, HttpStatusCode.NotFound);
        await stranger.PatchJsonAsync(lintPath, new { status = "open" }, HttpStatusCode.NotFound);
        await s.Board.PatchJsonAsync(lintPath, new { status = "open" }, HttpStatusCode.Forbidden);
        var timeline = (await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}/timeline")).AsArray().Where(e => (string)e!["kind"]! == "action-item").ToList();
        Assert.Equal(4, timeline.Count);
        Assert.DoesNotContain(timeline, e => ((string)e!["text"]!).Contains("Covered by the lint", StringComparison.Ordinal)); // the reason stays sealed with the item
    }

    [Fact]
    public async Task ConcurrentWriters_OnePostMortemVersion_OneWins_TheOthersAreToldItChanged()
    {
        factory.RequireDatabase();
        var s = await IncidentAsync();
        var path = new Uri($"/api/v1/incidents/{s.Incident}/postmortem", UriKind.Relative);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var response = await s.Admin.PutAsJsonAsync(path, Body(0, summary: $"Writer {i}"), Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }, Ct)));
        Assert.True(results.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, string.Join("\n", results.Select(r => $"{(int)r.StatusCode} {r.Item2}")));
        Assert.Equal(7, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var stored = await s.Admin.GetJsonAsync(path.ToString());
        Assert.Equal(1, (int)stored["version"]!);
        Assert.StartsWith("Writer ", (string)stored["sections"]!["summary"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentWriters_ActionItemsAddedAndChangedAtOnce_AllLand()
    {
        factory.RequireDatabase();
        var s = await IncidentAsync();
        var items = new Uri($"/api/v1/incidents/{s.Incident}/action-items", UriKind.Relative);
        var due = factory.Clock.GetUtcNow().AddDays(30);
        var added = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            using var response = await s.Admin.PostAsJsonAsync(items, new { title = $"Item {i}", owner = s.AdminEmail, dueAt = due }, Ct);
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
        }, Ct)));
        Assert.All(added, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = added.Select(a => (string)a.Item2["id"]!).ToList();
        var changed = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            using var response = await s.Admin.PatchAsJsonAsync(new Uri($"/api/v1/action-items/{id}", UriKind.Relative), new { status = "done" }, Ct);
            return response.StatusCode;
        }, Ct)));
        Assert.All(changed, c => Assert.Equal(HttpStatusCode.OK, c));
        var listed = (await s.Admin.GetJsonAsync(items.ToString())).AsArray();
        Assert.Equal(16, listed.Count);
        Assert.All(listed, i => Assert.Equal("done", (string)i!["status"]!));
        var timeline = (await s.Admin.GetJsonAsync($"/api/v1/incidents/{s.Incident}/timeline")).AsArray();
        Assert.Equal(32, timeline.Count(e => (string)e!["kind"]! == "action-item"));
    }
}
