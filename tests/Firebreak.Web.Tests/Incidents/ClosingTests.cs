using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Incidents;

/// <summary>Closing an incident through the API (issue 14 part 6), on SQLite and on PostgreSQL by the subclasses below.</summary>
public abstract class ClosingTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A project with an open incident that has pending steps, an unwritten post-mortem and one open action item.</summary>
    private async Task<(HttpClient Api, string Slug, string Id, string ItemId)> UnfinishedAsync(string title = "Deploy key leaked in a CI log")
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"cl{Guid.NewGuid():N}"[..18];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Closing" }, HttpStatusCode.Created);
        var (_, owner) = await factory.CreateUserClientAsync(admin: false);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = owner, role = "reviewer" }, HttpStatusCode.NoContent);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "leaked-credential", title, severity = "high" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;
        var item = await api.PostJsonAsync($"/api/v1/incidents/{id}/action-items",
            new { title = "Rotate every deploy key", owner, dueAt = factory.Clock.GetUtcNow().AddDays(10) }, HttpStatusCode.Created);
        return (api, slug, id, (string)item["id"]!);
    }

    /// <summary>A decision for every unfinished item: steps skipped, the post-mortem waived, the item deferred.</summary>
    private static async Task<object> DecisionsAsync(HttpClient api, string id, string itemId, int? version = null)
    {
        var closing = await api.GetJsonAsync($"/api/v1/incidents/{id}/closing");
        var steps = closing["steps"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => new { outcome = "skipped", reason = $"not needed: {(string)s!["id"]!}" });
        return new
        {
            version, steps, postMortem = new { outcome = "waived", reason = "a one-line leak, nothing to learn" },
            actionItems = new Dictionary<string, object> { [itemId] = new { outcome = "deferred", reason = "next quarter" } },
        };
    }

    [Fact]
    public async Task Close_WithUndecidedItems_Answers400NamingEachAndWritesNothing()
    {
        var (api, _, id, itemId) = await UnfinishedAsync();
        var closing = await api.GetJsonAsync($"/api/v1/incidents/{id}/closing");
        var steps = closing["steps"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        Assert.NotEmpty(steps);
        Assert.True((bool)closing["postMortem"]!["unfinished"]!);
        Assert.Equal(itemId, (string)closing["actionItems"]![0]!["id"]!);
        var before = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Count;

        var first = steps[0];
        var problem = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new
        {
            steps = new Dictionary<string, object> { [first] = new { outcome = "skipped", reason = "  " } },
            postMortem = new { outcome = "done" },
        }, HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        foreach (var step in steps) Assert.True(errors.ContainsKey($"steps.{step}"), $"no error for step {step}: {problem.Text()}");
        Assert.Contains("needs a reason", (string)errors[$"steps.{first}"]![0]!, StringComparison.Ordinal);
        Assert.Contains("not signed off", (string)errors["postMortem"]![0]!, StringComparison.Ordinal);
        Assert.Contains("Rotate every deploy key", (string)errors[$"actionItems.{itemId}"]![0]!, StringComparison.Ordinal);
        var after = await api.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.NotEqual("closed", (string)after["stage"]!);
        Assert.Null(after["closedAt"]);
        Assert.Equal(before, (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Count);
    }

    [Fact]
    public async Task Close_SkipRemaining_SkipsEveryStepLeftWithoutAnOutcome_WithItsOneReason()
    {
        var (api, _, id, itemId) = await UnfinishedAsync();
        var steps = (await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["steps"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        Assert.True(steps.Count > 1);
        var rest = new
        {
            postMortem = new { outcome = "waived", reason = "nothing to learn" },
            actionItems = new Dictionary<string, object> { [itemId] = new { outcome = "deferred", reason = "next quarter" } },
        };
        var tooLong = await api.PostJsonAsync($"/api/v1/incidents/{id}/close",
            new { skipRemaining = new string('x', 2001), rest.postMortem, rest.actionItems }, HttpStatusCode.BadRequest);
        Assert.Equal("Skipping every remaining step: the reason is longer than 2,000 characters.", (string)tooLong["errors"]!["skipRemaining"]![0]!);
        Assert.NotEqual("closed", (string)(await api.GetJsonAsync($"/api/v1/incidents/{id}"))["stage"]!);

        var closed = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new
        {
            steps = new Dictionary<string, object> { [steps[0]] = new { outcome = "skipped", reason = "its own reason" } },
            skipRemaining = "  handled by hand before Firebreak  ", rest.postMortem, rest.actionItems,
        });
        Assert.Equal("closed", (string)closed["stage"]!);
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(t => (string)t!["text"]!).ToList();
        Assert.Single(timeline, t => t.Contains("its own reason", StringComparison.Ordinal));
        Assert.Equal(steps.Count - 1, timeline.Count(t => t.StartsWith("Skipped step", StringComparison.Ordinal) && t.EndsWith("handled by hand before Firebreak", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Close_WithADecisionForEach_ClosesStopsEveryClockRecordsEachReason_AndReopensWithAReason()
    {
        var (api, slug, id, itemId) = await UnfinishedAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var closed = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", await DecisionsAsync(api, id, itemId));

        Assert.Equal("closed", (string)closed["stage"]!);
        Assert.Equal(factory.Clock.GetUtcNow(), closed["closedAt"]!.Instant());
        Assert.All(closed["clocks"]!.AsArray(), c => Assert.NotNull(c!["stoppedAt"]));
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(t => (string)t!["text"]!).ToList();
        Assert.Contains(timeline, t => t.StartsWith("Skipped step", StringComparison.Ordinal) && t.Contains("not needed:", StringComparison.Ordinal));
        Assert.Contains("Post-mortem waived at closing: a one-line leak, nothing to learn", timeline);
        Assert.Contains(timeline, t => t.EndsWith("deferred past the close: next quarter", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("→ closed", StringComparison.Ordinal));
        // Deferred: still open, listed among the project's follow-ups; the closed incident stays readable.
        Assert.Equal("open", (string)(await api.GetJsonAsync($"/api/v1/incidents/{id}/action-items")).AsArray().Single()!["status"]!);
        Assert.Contains((await api.GetJsonAsync($"/api/v1/projects/{slug}/action-items")).AsArray(), a => (string)a!["id"]! == itemId);
        Assert.True((bool)(await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["closed"]!);

        var again = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new { }, HttpStatusCode.Conflict);
        Assert.Contains("closed already", (string)again["detail"]!, StringComparison.Ordinal);
        await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { severity = "low" }, HttpStatusCode.UnprocessableEntity);

        var refused = await api.PostJsonAsync($"/api/v1/incidents/{id}/reopen", new { reason = "" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("reason", (string)refused["detail"]!, StringComparison.Ordinal);
        var reopened = await api.PostJsonAsync($"/api/v1/incidents/{id}/reopen", new { reason = "the key was in a second log" });
        Assert.Equal("discovery", (string)reopened["stage"]!);
        Assert.Null(reopened["closedAt"]);
        Assert.Contains("Reopened: stage closed → discovery: the key was in a second log",
            (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(t => (string)t!["text"]!));
        await api.PostJsonAsync($"/api/v1/incidents/{id}/reopen", new { reason = "twice" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Close_AsRejected_ClosesDirectlyWithoutTheList_AndPatchCannotCloseAroundIt()
    {
        var (api, _, id, _) = await UnfinishedAsync();
        var patched = await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { stage = "closed" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("/close", (string)patched["detail"]!, StringComparison.Ordinal);
        await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new { resolution = "rejected" }, HttpStatusCode.UnprocessableEntity);
        var rejected = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new { resolution = "rejected", reason = "a test key, never valid" });
        Assert.Equal("rejected", (string)rejected["stage"]!);
        Assert.NotNull(rejected["closedAt"]);
        Assert.All(rejected["clocks"]!.AsArray(), c => Assert.NotNull(c!["stoppedAt"]));
        var problem = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new { resolution = "bogus" }, HttpStatusCode.Conflict);
        Assert.Contains("rejected already", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_FromAnOutdatedVersion_IsRefusedAsChangedMeanwhile()
    {
        var (api, _, id, itemId) = await UnfinishedAsync();
        var version = (int)(await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["version"]!;
        await api.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = "someone else wrote meanwhile" });
        var problem = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", await DecisionsAsync(api, id, itemId, version), HttpStatusCode.Conflict);
        Assert.Contains($"you read version {version}", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.NotEqual("closed", (string)(await api.GetJsonAsync($"/api/v1/incidents/{id}"))["stage"]!);
    }

    [Fact]
    public async Task Close_TwoClosersAtOnce_ExactlyOneCloses_TheOtherHearsItClosed_NothingTwice()
    {
        var (api, _, id, itemId) = await UnfinishedAsync();
        var (second, secondEmail) = await factory.CreateUserClientAsync(admin: true);
        var body = await DecisionsAsync(api, id, itemId);
        var pending = (await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["steps"]!.AsArray().Count;
        using var gate = new Barrier(2);
        var answers = await Task.WhenAll(new[] { api, second }.Select(client => Task.Run(async () =>
        {
            gate.SignalAndWait(Ct);
            using var response = await client.PostAsJsonAsync($"/api/v1/incidents/{id}/close", body, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }, Ct)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Contains("closed already", answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Item2, StringComparison.Ordinal);
        var timeline = (await api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(t => (string)t!["text"]!).ToList();
        Assert.Single(timeline, t => t.Contains("→ closed", StringComparison.Ordinal));
        Assert.Single(timeline, t => t.StartsWith("Post-mortem waived", StringComparison.Ordinal));
        Assert.Single(timeline, t => t.Contains("deferred past the close", StringComparison.Ordinal));
        Assert.Equal(pending, timeline.Count(t => t.StartsWith("Skipped step", StringComparison.Ordinal)));
        Assert.NotNull(secondEmail);
    }

    [Fact]
    public async Task List_FiltersByState_SearchesSealedTextAndIds_AndPagesWithHeaders()
    {
        var (api, slug, closedId, itemId) = await UnfinishedAsync("Webhook secret printed by the release job");
        await api.PostJsonAsync($"/api/v1/incidents/{closedId}/close", await DecisionsAsync(api, closedId, itemId));
        for (var n = 0; n < 4; n++)
            await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = $"Open incident {n}", severity = "low" }, HttpStatusCode.Created);
        var withCve = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "other", title = "Path traversal in the archive reader", summary = "Found by a *fuzzer* in the tar module", severity = "medium" }, HttpStatusCode.Created))["id"]!;
        await api.PatchJsonAsync($"/api/v1/incidents/{withCve}", new { details = new { identifiers = new[] { "CVE-2026-41234" } } });

        var closed = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?state=closed");
        Assert.Equal(closedId, (string)closed.AsArray().Single()!["id"]!);
        Assert.Equal(5, (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?state=open")).AsArray().Count);
        Assert.Equal(6, (await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Count);
        Assert.Equal(closedId, (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?state=closed&q=WEBHOOK%20secret")).AsArray().Single()!["id"]!);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?state=open&q=webhook")).AsArray());
        Assert.Equal(withCve, (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?q=cve-2026-41234")).AsArray().Single()!["id"]!);
        Assert.Equal(withCve, (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?q=fuzzer")).AsArray().Single()!["id"]!);

        using var response = await api.GetAsync(new Uri($"/api/v1/projects/{slug}/incidents?state=open&pageSize=2&page=2&severity=low", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        Assert.Equal(["Open incident 2", "Open incident 3"], page.Select(i => (string)i!["title"]!));
        Assert.Equal("4", response.Headers.GetValues("X-Total-Count").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("page=1&pageSize=2>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("state=open", link, StringComparison.Ordinal);
        Assert.Contains("severity=low", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?page=99")).AsArray());
    }

    [Theory]
    [InlineData("state=bogus", "state")]
    [InlineData("stage=<script>", "stage")]
    [InlineData("kind=kev", "kind")]
    [InlineData("severity=urgent", "severity")]
    [InlineData("breached=maybe", "breached")]
    [InlineData("page=-1", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task List_HostileParameters_Answer400NamingTheParameter(string query, string parameter)
    {
        var (api, slug, _, _) = await UnfinishedAsync();
        var problem = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?{query}", HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(parameter), problem.Text());
    }

    [Fact]
    public async Task List_HugeSearch_Answers400_AndHostileCloseBodiesAre400Not500()
    {
        var (api, slug, id, _) = await UnfinishedAsync();
        var problem = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents?q={new string('x', 5000)}", HttpStatusCode.BadRequest);
        Assert.Contains("longer than 200", (string)problem["errors"]!["q"]![0]!, StringComparison.Ordinal);
        var unknown = await api.PostJsonAsync($"/api/v1/incidents/{id}/close", new
        {
            steps = new Dictionary<string, object> { ["no-such-step"] = new { outcome = "done" } },
            actionItems = new Dictionary<string, object> { ["not-a-guid"] = new { outcome = "sideways" } },
        }, HttpStatusCode.BadRequest);
        Assert.True(unknown["errors"]!.AsObject().ContainsKey("steps.no-such-step"), unknown.Text());
        Assert.True(unknown["errors"]!.AsObject().ContainsKey("actionItems.not-a-guid"), unknown.Text());
        using var malformed = new StringContent("{\"steps\": [1, 2]}", System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PostAsync(new Uri($"/api/v1/incidents/{id}/close", UriKind.Relative), malformed, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteClosingTests(SqliteFactory factory) : ClosingTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresClosingTests(PostgresFactory factory) : ClosingTests(factory), IClassFixture<PostgresFactory>;
