using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Integrations;

/// <summary>
/// The generic signed trigger on SQLite and PostgreSQL: a signed body opens the incident it describes through the one
/// opening use case; the same dedupe key (also posted at once from many clients) comes to that one incident; bad bodies
/// are answered with a problem naming the field; its secret is its own.
/// </summary>
public abstract class GenericTriggerTests(FirebreakFactory factory)
{
    private sealed record Trigger(HttpClient Api, string Slug, string Secret, HttpClient Anonymous)
    {
        public Task<(int Status, JsonNode? Body)> PostAsync(string json, string? delivery = null)
        {
            var body = Encoding.UTF8.GetBytes(json);
            return HookSender.PostAsync(Anonymous, $"/hooks/generic/{Slug}", null, null, body, HookSender.Sign(Secret, body),
                delivery is null ? null : new Dictionary<string, string> { ["X-Firebreak-Delivery"] = delivery });
        }

        public async Task<JsonArray> IncidentsAsync() => (await Api.GetJsonAsync($"/api/v1/projects/{Slug}/incidents")).AsArray();
    }

    private async Task<Trigger> TriggerAsync()
    {
        factory.RequireDatabase();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"g{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Triggered" }, HttpStatusCode.Created);
        var created = await api.PostJsonAsync($"/api/v1/projects/{slug}/integrations/generic", new { });
        Assert.Equal($"http://localhost/hooks/generic/{slug}", (string?)created["url"]);
        return new Trigger(api, slug, (string)created["secret"]!, factory.CreateClient());
    }

    private const string KevCheck = """{"kind": "kev-match", "title": "Daily KEV check: CVE-2026-0001 in our image", "severity": "critical", "summary": "Found by the nightly job.", "dedupeKey": "kev-daily/CVE-2026-0001"}""";

    [Fact]
    public async Task SignedBody_OpensTheIncident_AndTheSameKeyComesToIt()
    {
        var trigger = await TriggerAsync();
        var (status, answer) = await trigger.PostAsync(KevCheck);
        Assert.Equal(201, status);
        Assert.Equal("opened", (string?)answer!["outcome"]);
        var incident = Assert.Single(await trigger.IncidentsAsync())!;
        Assert.Equal(("kev-match", "critical", "Daily KEV check: CVE-2026-0001 in our image"), ((string?)incident["kind"], (string?)incident["severity"], (string?)incident["title"]));
        Assert.Equal("Found by the nightly job.", (string?)incident["summary"]);

        var again = await trigger.PostAsync(KevCheck.Replace("kev-daily/CVE", "KEV-DAILY/cve", StringComparison.Ordinal));
        Assert.Equal((200, "joined"), (again.Status, (string?)again.Body!["outcome"]));
        Assert.Equal((string?)incident["id"], (string?)again.Body["incidentId"]);
        var noKey = await trigger.PostAsync("""{"kind": "ai-guardrail-bypass", "title": "Red-team run found a bypass", "severity": "high"}""");
        Assert.Equal(201, noKey.Status);
        Assert.Equal(2, (await trigger.IncidentsAsync()).Count);
        var timeline = (await trigger.Api.GetJsonAsync($"/api/v1/incidents/{incident["id"]}/timeline")).AsArray();
        Assert.Contains(timeline, e => (string?)e!["actor"] == "generic trigger" && ((string?)e["text"])!.StartsWith("Generic trigger again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameKeyAtOnce_OpensOneIncident_AndARepeatedDeliveryIdChangesNothing()
    {
        var trigger = await TriggerAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => trigger.PostAsync(KevCheck), TestContext.Current.CancellationToken)));
        Assert.Single(answers, a => a.Status == 201);
        Assert.Equal(9, answers.Count(a => a.Status == 200 && (string?)a.Body!["outcome"] == "joined"));
        Assert.Single(await trigger.IncidentsAsync());

        var first = await trigger.PostAsync(KevCheck.Replace("CVE-2026-0001\"", "CVE-2026-0002\"", StringComparison.Ordinal), "ci-run-77");
        var second = await trigger.PostAsync(KevCheck.Replace("CVE-2026-0001\"", "CVE-2026-0002\"", StringComparison.Ordinal), "ci-run-77");
        Assert.Equal((201, true), (first.Status, second.Body!["duplicate"]!.GetValue<bool>()));
        Assert.Equal(2, (await trigger.IncidentsAsync()).Count);
        Assert.Equal(11, (await trigger.Api.GetJsonAsync($"/api/v1/projects/{trigger.Slug}/integrations"))["deliveries"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("not json", 400, "line 1")]
    [InlineData("""{"kind": "other", "title": "x", "severity": "high", "colour": "red"}""", 400, "colour")]
    [InlineData("""{"kind": "other", "title": 5, "severity": "high"}""", 400, "$.title")]
    [InlineData("""{"kind": "meteor", "title": "x", "severity": "high"}""", 422, "'meteor' is not a valid kind")]
    [InlineData("""{"kind": "other", "title": "x", "severity": "urgent"}""", 422, "not a valid severity")]
    [InlineData("""{"kind": "other", "severity": "low"}""", 422, "title: required")]
    [InlineData("""{"kind": "other", "title": "x", "severity": "low", "dedupeKey": ""}""", 422, "dedupeKey")]
    [InlineData("null", 422, "null")]
    public async Task BadBody_AnswersAProblemNamingIt_AndWritesNothing(string json, int status, string names)
    {
        var trigger = await TriggerAsync();
        var (answered, problem) = await trigger.PostAsync(json);
        Assert.Equal(status, answered);
        Assert.Contains(names, (string?)problem!["detail"], StringComparison.Ordinal);
        Assert.Empty(await trigger.IncidentsAsync());
        Assert.Empty((await trigger.Api.GetJsonAsync($"/api/v1/projects/{trigger.Slug}/integrations"))["deliveries"]!.AsArray());
    }

    [Fact]
    public async Task GitHubSecret_DoesNotSignGenericDeliveries()
    {
        var trigger = await TriggerAsync();
        var github = (string)(await trigger.Api.PostJsonAsync($"/api/v1/projects/{trigger.Slug}/integrations/github", new { }))["secret"]!;
        var (status, _) = await (trigger with { Secret = github }).PostAsync(KevCheck);
        Assert.Equal(401, status);
        Assert.Empty(await trigger.IncidentsAsync());
    }
}

public sealed class SqliteGenericTriggerTests(SqliteFactory factory) : GenericTriggerTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresGenericTriggerTests(PostgresFactory factory) : GenericTriggerTests(factory), IClassFixture<PostgresFactory>;
