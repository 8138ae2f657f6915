using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Integrations;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Integrations;

/// <summary>
/// GitHub deliveries on SQLite and PostgreSQL: every shared payload, signed with a test secret, gives exactly its outcome
/// (an incident of a kind and severity, a timeline entry, or nothing); replays and racing duplicates open nothing more; an
/// unsigned or wrongly signed delivery writes nothing; a Dependabot alert meets the watch's incident for the same
/// vulnerability whichever came first. The advisory index carries one OSV record (semver's ReDoS) and a KEV catalog
/// listing ansible's CVE-2021-20191.
/// </summary>
public abstract class GitHubHookTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("firebreak-hooks-");
    private FirebreakFactory _factory = null!;

    protected abstract FirebreakFactory Create();

    public ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "kev.json"), Kev);
        File.WriteAllText(Path.Combine(_folder.FullName, "osv.json"), Osv);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var index = Path.Combine(_folder.FullName, "advisories.fbx");
        var exit = Firebreak.Cli.Program.Run(["db", "import", "--osv", Path.Combine(_folder.FullName, "osv.json"),
            "--kev", Path.Combine(_folder.FullName, "kev.json"), "--db", index], new CliContext(new StringReader(""), output, error));
        Assert.True(exit == 0, $"db import exited {exit}: {error}");
        _factory = Create();
        _factory.Settings["Advisories:Index"] = index;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed record Hooked(HttpClient Api, string Slug, string Secret, HttpClient Anonymous)
    {
        public string Path => $"/hooks/github/{Slug}";

        public Task<(int Status, JsonNode? Body)> PostAsync(string @event, byte[] body, string? delivery = null) =>
            HookSender.PostAsync(Anonymous, Path, @event, delivery ?? Guid.NewGuid().ToString(), body, HookSender.Sign(Secret, body));

        public async Task<JsonArray> IncidentsAsync() => (await Api.GetJsonAsync($"/api/v1/projects/{Slug}/incidents")).AsArray();

        public async Task<JsonArray> DeliveriesAsync() => (await Api.GetJsonAsync($"/api/v1/projects/{Slug}/integrations"))["deliveries"]!.AsArray();

        public async Task<JsonArray> TimelineAsync(string id) => (await Api.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray();
    }

    private async Task<Hooked> HookedAsync()
    {
        _factory.RequireDatabase();
        var (api, _) = await _factory.CreateUserClientAsync(admin: true);
        var slug = $"h{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Hooked" }, HttpStatusCode.Created);
        var created = await api.PostJsonAsync($"/api/v1/projects/{slug}/integrations/github", new { });
        Assert.Equal($"http://localhost/hooks/github/{slug}", (string?)created["url"]);
        var secret = (string)created["secret"]!;
        Assert.Matches("^[0-9a-f]{64}$", secret);
        return new Hooked(api, slug, secret, _factory.CreateClient());
    }

    [Theory]
    [InlineData("dependabot_alert/created.payload.json", "dependabot_alert", "opened", "compromised-dependency", "medium")]
    [InlineData("dependabot_alert/fixed.payload.json", "dependabot_alert", "ignored", null, null)]
    [InlineData("secret_scanning_alert/reopened.payload.json", "secret_scanning_alert", "opened", "leaked-credential", "high")]
    [InlineData("repository_advisory/reported.payload.json", "repository_advisory", "opened", "vulnerability-report", "low")]
    [InlineData("repository_advisory/published.payload.json", "repository_advisory", "ignored", null, null)]
    [InlineData("security_advisory/published.payload.json", "security_advisory", "ignored", null, null)]
    [InlineData("security_advisory/updated.payload.json", "security_advisory", "ignored", null, null)]
    [InlineData("security_advisory/withdrawn.payload.json", "security_advisory", "ignored", null, null)]
    public async Task SharedPayload_OnAFreshProject_GivesExactlyItsOutcome(string file, string @event, string outcome, string? kind, string? severity)
    {
        var hook = await HookedAsync();
        var (status, answer) = await hook.PostAsync(@event, HookSender.Payload(file), "delivery-1");

        Assert.Equal(outcome == "ignored" ? 202 : 200, status);
        Assert.Equal(outcome, (string?)answer!["outcome"]);
        var incidents = await hook.IncidentsAsync();
        var delivery = Assert.Single(await hook.DeliveriesAsync())!;
        Assert.Equal(@event, (string?)delivery["event"]);
        Assert.Equal("delivery-1", (string?)delivery["deliveryId"]);
        Assert.Equal(outcome, (string?)delivery["outcome"]);
        if (kind is null)
        {
            Assert.Empty(incidents);
            Assert.Null(delivery["incidentId"]);
            return;
        }
        var incident = Assert.Single(incidents)!;
        Assert.Equal(kind, (string?)incident["kind"]);
        Assert.Equal(severity, (string?)incident["severity"]);
        Assert.Equal((string?)incident["id"], (string?)delivery["incidentId"]);
        await using var scope = _factory.Services.CreateAsyncScope();
        var source = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Incidents
            .Where(i => i.Id == Guid.Parse((string)incident["id"]!)).Select(i => i.Source).SingleAsync(Ct);
        Assert.Equal(Domain.Incidents.IncidentSource.Webhook, source);
    }

    [Fact]
    public async Task SecretScanningAlert_ShowsTheSecretType_AndALeakRaisesItToCritical_ThenResolvedIsRecorded()
    {
        var hook = await HookedAsync();
        await hook.PostAsync("secret_scanning_alert", HookSender.Payload("secret_scanning_alert/reopened.payload.json"));
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.StartsWith("**Secret type: `adafruit_io_key`**", (string?)incident["summary"], StringComparison.Ordinal);
        Assert.Equal("leaked-credential", (string?)incident["playbooks"]![0]!["playbookId"]);

        var leaked = await hook.PostAsync("secret_scanning_alert", HookSender.Payload("secret_scanning_alert/reopened.payload.json", n => n["action"] = "publicly_leaked"));
        Assert.Equal("joined", (string?)leaked.Body!["outcome"]);
        incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal("critical", (string?)incident["severity"]);

        var resolved = await hook.PostAsync("secret_scanning_alert", HookSender.Payload("secret_scanning_alert/reopened.payload.json", n =>
        {
            n["action"] = "resolved";
            n["alert"]!["resolution"] = "revoked";
        }));
        Assert.Equal("recorded", (string?)resolved.Body!["outcome"]);
        var timeline = await hook.TimelineAsync((string)incident["id"]!);
        Assert.Contains(timeline, e => ((string?)e!["text"])!.Contains("resolved as `revoked`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PubliclyLeakedSecret_OpensCritical()
    {
        var hook = await HookedAsync();
        await hook.PostAsync("secret_scanning_alert", HookSender.Payload("secret_scanning_alert/reopened.payload.json", n => n["action"] = "publicly_leaked"));
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal(("leaked-credential", "critical"), ((string?)incident["kind"], (string?)incident["severity"]));
    }

    [Fact]
    public async Task DependabotAlert_WithAKevAlias_OpensKevMatch_AndFixedGoesOnItsTimeline()
    {
        var hook = await HookedAsync();
        var created = await hook.PostAsync("dependabot_alert", HookSender.Payload("dependabot_alert/fixed.payload.json", n => n["action"] = "created"));
        Assert.Equal("opened", (string?)created.Body!["outcome"]);
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal(("kev-match", "critical"), ((string?)incident["kind"], (string?)incident["severity"]));
        Assert.Contains("CVE-2021-20191", incident["details"]!["identifiers"]!.AsArray().Select(i => (string?)i));

        var (status, fixedAnswer) = await hook.PostAsync("dependabot_alert", HookSender.Payload("dependabot_alert/fixed.payload.json"));
        Assert.Equal(200, status);
        Assert.Equal("recorded", (string?)fixedAnswer!["outcome"]);
        Assert.Single(await hook.IncidentsAsync());
        var timeline = await hook.TimelineAsync((string)incident["id"]!);
        Assert.Contains(timeline, e => (string?)e!["actor"] == "github webhook" && ((string?)e["text"])!.StartsWith("Dependabot alert #1", StringComparison.Ordinal)
            && ((string?)e["text"])!.Contains("fixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DependabotAlert_ForAVulnerabilityTheWatchFlagged_LandsOnTheWatchsIncident()
    {
        var hook = await HookedAsync();
        var registered = await hook.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{hook.Slug}/manifests",
            new { name = "package-lock.json", content = Lock("7.5.1"), releasePath = true }, HttpStatusCode.OK);
        var watchIncident = (string)Assert.Single(registered["openedIncidents"]!.AsArray())!;

        var (status, answer) = await hook.PostAsync("dependabot_alert", HookSender.Payload("dependabot_alert/created.payload.json"));
        Assert.Equal(200, status);
        Assert.Equal("joined", (string?)answer!["outcome"]);
        Assert.Equal(watchIncident, (string?)answer["incidentId"]);
        Assert.Equal(watchIncident, (string?)Assert.Single(await hook.IncidentsAsync())!["id"]);
        Assert.Contains(await hook.TimelineAsync(watchIncident), e => ((string?)e!["text"])!.StartsWith("Dependabot alert #20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchFinding_AfterTheDependabotAlert_FindsTheAlertsIncident()
    {
        var hook = await HookedAsync();
        await hook.PostAsync("dependabot_alert", HookSender.Payload("dependabot_alert/created.payload.json"));
        var alertIncident = (string?)Assert.Single(await hook.IncidentsAsync())!["id"];
        var registered = await hook.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{hook.Slug}/manifests",
            new { name = "package-lock.json", content = Lock("7.5.1"), releasePath = true }, HttpStatusCode.OK);
        Assert.Empty(registered["openedIncidents"]!.AsArray());
        Assert.Equal(alertIncident, (string?)Assert.Single(registered["findings"]!.AsArray())!["incidentId"]);
        Assert.Single(await hook.IncidentsAsync());
    }

    [Fact]
    public async Task GlobalAdvisory_ForAWatchedDependency_OpensTheWatchsKindOfIncident_AndWithdrawnIsRecorded()
    {
        var hook = await HookedAsync();
        await hook.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{hook.Slug}/manifests",
            new { name = "requirements.txt", content = "django==2.0.1\nrequests==2.31.0\n", releasePath = true }, HttpStatusCode.OK);
        var (status, answer) = await hook.PostAsync("security_advisory", HookSender.Payload("security_advisory/published.payload.json"));
        Assert.Equal(200, status);
        Assert.Equal("opened", (string?)answer!["outcome"]);
        Assert.Contains("pkg:pypi/django@2.0.1", (string?)answer["verdict"], StringComparison.Ordinal);
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal(("compromised-dependency", "medium"), ((string?)incident["kind"], (string?)incident["severity"]));
        Assert.Contains("Fixed version: 2.0.2", (string?)incident["summary"], StringComparison.Ordinal);

        // Not affected: 1.11.10 is the first patched version of the second range.
        var other = await HookedAsync();
        await other.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{other.Slug}/manifests",
            new { name = "requirements.txt", content = "django==1.11.10\n", releasePath = true }, HttpStatusCode.OK);
        Assert.Equal("ignored", (string?)(await other.PostAsync("security_advisory", HookSender.Payload("security_advisory/published.payload.json"))).Body!["outcome"]);
        Assert.Empty(await other.IncidentsAsync());

        var withdrawn = await hook.PostAsync("security_advisory", HookSender.Payload("security_advisory/published.payload.json", n => n["action"] = "withdrawn"));
        Assert.Equal("recorded", (string?)withdrawn.Body!["outcome"]);
        Assert.Contains(await hook.TimelineAsync((string)incident["id"]!), e => ((string?)e!["text"])!.Contains("withdrew advisory GHSA-rf4j-j272-fj86", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepositoryAdvisory_Reported_CreditsTheReporter_AndPublishedGoesOnItsTimeline()
    {
        var hook = await HookedAsync();
        await hook.PostAsync("repository_advisory", HookSender.Payload("repository_advisory/reported.payload.json"));
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal("promofaux2", (string?)incident["reporter"]!["creditName"]);
        Assert.Contains("https://github.com/pi-hole/land_of_confusion/security/advisories/GHSA-hv58-4hqr-7vxj", (string?)incident["summary"], StringComparison.Ordinal);

        var published = await hook.PostAsync("repository_advisory", HookSender.Payload("repository_advisory/published.payload.json", n =>
        {
            n["repository_advisory"]!["ghsa_id"] = "GHSA-hv58-4hqr-7vxj";
            n["repository_advisory"]!["identifiers"]![0]!["value"] = "GHSA-hv58-4hqr-7vxj";
        }));
        Assert.Equal("recorded", (string?)published.Body!["outcome"]);
        Assert.Contains(await hook.TimelineAsync((string)incident["id"]!), e => ((string?)e!["text"])!.StartsWith("GitHub advisory GHSA-hv58-4hqr-7vxj published", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReleaseOrTag_ByAnAccountNotAllowed_OpensReleaseCompromise_ByAnAllowedOneNothing()
    {
        var hook = await HookedAsync();
        var notJudged = await hook.PostAsync("create", Create("v9.9.9", "mallory"));
        Assert.Equal("ignored", (string?)notJudged.Body!["outcome"]);
        Assert.Contains("no allowed releasers", (string?)notJudged.Body["verdict"], StringComparison.Ordinal);

        var saved = await hook.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{hook.Slug}/integrations/github/releasers",
            new { releasers = new[] { "@Maintainer", "github-actions[bot]" } }, HttpStatusCode.OK);
        Assert.Equal(["Maintainer", "github-actions[bot]"], saved["releasers"]!.AsArray().Select(r => (string)r!));
        var problem = await hook.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{hook.Slug}/integrations/github/releasers",
            new { releasers = new[] { "not a login" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("releasers[0]", (string?)problem["detail"], StringComparison.Ordinal);

        Assert.Equal("ignored", (string?)(await hook.PostAsync("release", Release("v1.0.0", "maintainer"))).Body!["outcome"]);
        Assert.Empty(await hook.IncidentsAsync());

        Assert.Equal("opened", (string?)(await hook.PostAsync("create", Create("v1.0.1", "mallory"))).Body!["outcome"]);
        var tag = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Equal(("release-compromise", "high"), ((string?)tag["kind"], (string?)tag["severity"]));
        Assert.Equal("joined", (string?)(await hook.PostAsync("release", Release("v1.0.1", "mallory"))).Body!["outcome"]);
        Assert.Equal("opened", (string?)(await hook.PostAsync("release", Release("v2.0.0", "mallory"))).Body!["outcome"]);
        var incidents = await hook.IncidentsAsync();
        Assert.Equal(2, incidents.Count);
        Assert.Equal("critical", (string?)incidents.Single(i => ((string?)i!["title"])!.StartsWith("Release v2.0.0", StringComparison.Ordinal))!["severity"]);
    }

    [Fact]
    public async Task SameDeliveryTwice_AnswersTheSecond200_AndChangesNothing()
    {
        var hook = await HookedAsync();
        var body = HookSender.Payload("dependabot_alert/created.payload.json");
        var first = await hook.PostAsync("dependabot_alert", body, "same-delivery");
        var second = await hook.PostAsync("dependabot_alert", body, "same-delivery");
        Assert.Equal((200, false), (first.Status, (bool)first.Body!["duplicate"]!));
        Assert.Equal((200, true), (second.Status, (bool)second.Body!["duplicate"]!));
        Assert.Equal((string?)first.Body["incidentId"], (string?)second.Body["incidentId"]);
        var incident = Assert.Single(await hook.IncidentsAsync())!;
        Assert.Single(await hook.DeliveriesAsync());
        Assert.DoesNotContain(await hook.TimelineAsync((string)incident["id"]!), e => ((string?)e!["text"])!.StartsWith("Dependabot alert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameDeliveryPostedAtOnce_OpensExactlyOneIncident()
    {
        var hook = await HookedAsync();
        var body = HookSender.Payload("secret_scanning_alert/reopened.payload.json");
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => hook.PostAsync("secret_scanning_alert", body, "racing-delivery"), Ct)));
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers, a => !(bool)a.Body!["duplicate"]!);
        Assert.Single(answers.Select(a => (string?)a.Body!["incidentId"]).Distinct());
        Assert.Single(await hook.IncidentsAsync());
        Assert.Single(await hook.DeliveriesAsync());
    }

    [Fact]
    public async Task DifferentDeliveriesOfOneAlertAtOnce_OpenExactlyOneIncident()
    {
        var hook = await HookedAsync();
        var body = HookSender.Payload("dependabot_alert/created.payload.json");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => hook.PostAsync("dependabot_alert", body, $"delivery-{i}"), Ct)));
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers, a => (string?)a.Body!["outcome"] == "opened");
        Assert.Single(await hook.IncidentsAsync());
        Assert.Equal(8, (await hook.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task WrongOrMissingSignature_Answers401_AndWritesNothing()
    {
        var hook = await HookedAsync();
        var body = HookSender.Payload("dependabot_alert/created.payload.json");
        var tampered = (byte[])body.Clone();
        tampered[^3] ^= 1;
        var attempts = new (string Path, string? Signature, byte[] Body)[]
        {
            (hook.Path, null, body),
            (hook.Path, "", body),
            (hook.Path, HookSender.Sign("not the secret", body), body),
            (hook.Path, HookSender.Sign(hook.Secret, body), tampered),
            (hook.Path, "sha256=" + new string('0', 64), body),
            (hook.Path, "sha1=" + HookSender.Sign(hook.Secret, body)[7..47], body),
            (hook.Path, HookSender.Sign(hook.Secret, body).ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal) + "00", body),
            ("/hooks/github/no-such-project", HookSender.Sign(hook.Secret, body), body),
            ($"/hooks/generic/{hook.Slug}", HookSender.Sign(hook.Secret, body), body), // the generic hook was never set up
        };
        foreach (var (path, signature, sent) in attempts)
        {
            var (status, problem) = await HookSender.PostAsync(hook.Anonymous, path, "dependabot_alert", Guid.NewGuid().ToString(), sent, signature);
            Assert.True(status == 401, $"{path} with '{signature}': {status}");
            Assert.Equal("Not signed", (string?)problem!["title"]);
        }
        Assert.Empty(await hook.IncidentsAsync());
        Assert.Empty(await hook.DeliveriesAsync());
    }

    [Fact]
    public async Task RotatedSecret_RefusesTheOldOne_AndIsStoredProtected()
    {
        var hook = await HookedAsync();
        var rotated = (string)(await hook.Api.PostJsonAsync($"/api/v1/projects/{hook.Slug}/integrations/github", new { }))["secret"]!;
        Assert.NotEqual(hook.Secret, rotated);
        var body = HookSender.Payload("dependabot_alert/created.payload.json");
        Assert.Equal(401, (await hook.PostAsync("dependabot_alert", body)).Status);
        Assert.Equal(200, (await (hook with { Secret = rotated }).PostAsync("dependabot_alert", body)).Status);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FirebreakDbContext>().Set<ProjectIntegration>().SingleAsync(Ct);
        Assert.DoesNotContain(rotated, stored.GitHubSecret, StringComparison.Ordinal);
        Assert.NotNull(stored.GitHubSecretSetAt);
    }

    [Fact]
    public async Task PingOversizeUnhandledAndMalformed_AreAnsweredPrecisely()
    {
        var hook = await HookedAsync();
        var ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}"u8.ToArray();
        var pinged = await hook.PostAsync("ping", ping);
        Assert.Equal((200, "ping"), (pinged.Status, (string?)pinged.Body!["outcome"]));

        var push = await hook.PostAsync("push", "{\"ref\":\"refs/heads/main\"}"u8.ToArray());
        Assert.Equal((202, "ignored"), (push.Status, (string?)push.Body!["outcome"]));

        var big = new byte[HookBody.MaxBytes + 1];
        Array.Fill(big, (byte)' ');
        var (status, problem) = await hook.PostAsync("ping", big);
        Assert.Equal(413, status);
        Assert.Equal("Too large", (string?)problem!["title"]);

        var malformed = await hook.PostAsync("dependabot_alert", "{\"action\":\"created\",\"alert\":{\"number\":\"twenty\"}}"u8.ToArray());
        Assert.Equal((200, "malformed"), (malformed.Status, (string?)malformed.Body!["outcome"]));
        Assert.Contains("$.alert.number", (string?)malformed.Body["verdict"], StringComparison.Ordinal);
        var notJson = await hook.PostAsync("secret_scanning_alert", "not json"u8.ToArray());
        Assert.Equal("malformed", (string?)notJson.Body!["outcome"]);

        var noEvent = await HookSender.PostAsync(hook.Anonymous, hook.Path, null, "d", ping, HookSender.Sign(hook.Secret, ping));
        Assert.Equal(400, noEvent.Status);
        var noDelivery = await HookSender.PostAsync(hook.Anonymous, hook.Path, "ping", null, ping, HookSender.Sign(hook.Secret, ping));
        Assert.Equal(400, noDelivery.Status);

        Assert.Empty(await hook.IncidentsAsync());
        // The test clock stands still, so all four arrive at one instant: compared as a set.
        Assert.Equal(["ignored", "malformed", "malformed", "ping"], (await hook.DeliveriesAsync()).Select(d => (string)d!["outcome"]!).Order());
    }

    private static byte[] Create(string tag, string login) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["ref"] = tag, ["ref_type"] = "tag", ["master_branch"] = "main", ["pusher_type"] = "user",
        ["repository"] = new JsonObject { ["id"] = 42, ["full_name"] = "example/app" }, ["sender"] = new JsonObject { ["login"] = login },
    }.ToJsonString());

    private static byte[] Release(string tag, string login) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["action"] = "published",
        ["release"] = new JsonObject { ["tag_name"] = tag, ["html_url"] = $"https://github.com/example/app/releases/tag/{tag}", ["author"] = new JsonObject { ["login"] = login } },
        ["repository"] = new JsonObject { ["id"] = 42, ["full_name"] = "example/app" }, ["sender"] = new JsonObject { ["login"] = login },
    }.ToJsonString());

    private static string Lock(string semver) => $$"""
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
          "": {"name": "app", "version": "1.0.0", "dependencies": {"semver": "^{{semver}}"} },
          "node_modules/semver": {"version": "{{semver}}"} } }
        """;

    private const string Kev = """
        {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01", "dateReleased": "2026-12-01T00:00:00.000Z", "count": 1,
         "vulnerabilities": [{"cveID": "CVE-2021-20191", "vendorProject": "Red Hat", "product": "Ansible",
           "vulnerabilityName": "Credentials disclosed in console log", "dateAdded": "2026-11-01",
           "shortDescription": "Credentials are logged.", "requiredAction": "Apply updates.",
           "dueDate": "2026-11-22", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
        """;

    private const string Osv = """
        [{"id": "GHSA-c2qf-rxjj-qqgw", "modified": "2026-11-30T00:00:00Z", "aliases": ["CVE-2022-25883"], "summary": "semver vulnerable to Regular Expression Denial of Service",
          "affected": [{"package": {"ecosystem": "npm", "name": "semver"},
            "ranges": [{"type": "SEMVER", "events": [{"introduced": "7.0.0"}, {"fixed": "7.5.2"}]}]}]}]
        """;
}

public sealed class SqliteGitHubHookTests : GitHubHookTests
{
    protected override FirebreakFactory Create() => new SqliteFactory();
}

public sealed class PostgresGitHubHookTests : GitHubHookTests
{
    protected override FirebreakFactory Create() => new PostgresFactory();
}
