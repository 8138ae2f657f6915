using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Data;
using Firebreak.Web.Features.CveServices;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.CveServices;

public sealed class SqliteCveServicesTests : CveServicesTests
{
    private protected override FirebreakFactory NewFactory() => new SqliteFactory();
}

public sealed class PostgresCveServicesTests : CveServicesTests
{
    private protected override FirebreakFactory NewFactory() => new PostgresFactory();
}

/// <summary>
/// A project that is its own CNA, against the CVE Services stand-in on loopback (allowed by the operator's list), on the
/// fake clock: an id reserved for a confirmed report, the record published at the advisory's instant, updated after a
/// revision, an unused id listed for rejection after the policy's period and rejected, every call in the audit chain; an
/// outage and a rate limit delay the publication, which completes when the service answers again; the API key is never
/// shown back.
/// </summary>
public abstract class CveServicesTests
{
    private static readonly Guid OrgId = Guid.Parse("8254265b-2729-46b6-b9e3-3dfca2d5bfca");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected abstract FirebreakFactory NewFactory();

    private async Task<(FirebreakFactory Factory, HttpClient Alice, HttpClient Bob, string Slug)> StartAsync(CveServicesStandIn standIn, bool typeOrgId = true)
    {
        var factory = NewFactory();
        factory.RequireDatabase();
        factory.Settings["Outbound:AllowHttp"] = "true";
        factory.Settings["Outbound:Allow:0"] = $"127.0.0.1:{standIn.Port}";
        var (alice, _) = await factory.CreateUserClientAsync(admin: true);
        var (bob, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"v{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        var saved = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new
        {
            authority = "own-cna", shortName = CveServicesStandIn.Org, user = CveServicesStandIn.User, apiKey = CveServicesStandIn.Key,
            baseUrl = standIn.BaseUrl, cveOrgId = typeOrgId ? OrgId.ToString() : null,
        }, HttpStatusCode.OK);
        Assert.True((bool)saved["apiKeyStored"]!);
        return (factory, alice, bob, slug);
    }

    /// <summary>Runs the due calls until <paramref name="done"/> holds (the background worker may take some: the lease keeps each single).</summary>
    private static async Task DrainAsync(FirebreakFactory factory, Func<Task<bool>> done)
    {
        for (var i = 0; i < 100; i++)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<SendCveCalls>().RunDueAsync(Ct);
            if (await done()) return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("The CVE Services calls did not complete.");
    }

    private static async Task PublishDueAsync(FirebreakFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishDueAdvisories>().ExecuteAsync(Ct);
    }

    private static string Advisory(string? cve, string summary, string revisions = "[]") => $$"""
        {
          "id": "SPR-2026-0007", "aliases": {{(cve is null ? "[]" : $"[\"{cve}\"]")}},
          "summary": "{{summary}}",
          "description": "After a panic wipe `key.bin` stays in `~/.vault`.",
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor" },
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault",
                          "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0.1.0" }, { "fixed": "0.4.2" } ] } ] } ],
          "cwes": [ { "id": "CWE-459", "name": "Incomplete Cleanup" } ],
          "cvss_v3": "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc123" } ],
          "revisions": {{revisions}}
        }
        """;

    private static async Task SaveAdvisoryAsync(HttpClient api, string incident, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> ConfirmedReportAsync(HttpClient api, string slug)
    {
        var id = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "Panic wipe", severity = "high" },
            HttpStatusCode.Created))["id"]!;
        await api.PostJsonAsync($"/api/v1/incidents/{id}/verdict", new { verdict = "valid" }, HttpStatusCode.NoContent);
        return id;
    }

    private static JsonNode? Clock(JsonNode cve, string kind) => cve["clocks"]!.AsArray().SingleOrDefault(c => (string?)c!["kind"] == kind);

    [Fact]
    public async Task ReservePublishReviseReject_AgainstTheStandIn_EachCallAudited()
    {
        await using var standIn = await CveServicesStandIn.StartAsync();
        var (factory, alice, bob, slug) = await StartAsync(standIn);
        await using var _ = factory;
        var incident = await ConfirmedReportAsync(alice, slug);
        var cve = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve");
        Assert.Equal("running", (string?)Clock(cve, "cve-assignment")!["state"]);

        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "reserve" }, HttpStatusCode.Accepted);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        await DrainAsync(factory, async () => (string?)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["cveId"] is not null);
        cve = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve");
        var id = (string)cve["cveId"]!;
        Assert.Equal("met", (string?)Clock(cve, "cve-assignment")!["state"]);
        var reserve = standIn.Requests.First(r => r.Path == "/api/cve-id");
        Assert.Equal(("POST", CveServicesStandIn.Key), (reserve.Method, reserve.Headers["CVE-API-KEY"]));
        Assert.Contains("short_name=springtale", reserve.Query, StringComparison.Ordinal);

        // Two spare ids for the project, non-sequential.
        await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids", new { amount = 2, year = 2026, sequential = false }, HttpStatusCode.Accepted);
        await DrainAsync(factory, async () => (await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids"))["ids"]!.AsArray().Count == 3);
        Assert.Contains("batch_type=nonsequential", standIn.Requests.Last(r => r.Path == "/api/cve-id").Query, StringComparison.Ordinal);

        // The advisory goes public at its instant: the record is published then, not before.
        await SaveAdvisoryAsync(alice, incident, Advisory(id, "Panic wipe leaves the vault key on disk"));
        var at = factory.Clock.GetUtcNow().AddDays(2);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        factory.Clock.SetUtcNow(at.AddMinutes(-1));
        await PublishDueAsync(factory);
        Assert.Equal("RESERVED", standIn.Ids[id].State);
        factory.Clock.SetUtcNow(at);
        await PublishDueAsync(factory);
        await DrainAsync(factory, () => Task.FromResult(standIn.Ids[id].State == "PUBLISHED"));
        var container = standIn.Ids[id].Container!;
        Assert.Equal(OrgId.ToString(), (string?)container["providerMetadata"]!["orgId"]);
        Assert.Equal("pkg:cargo/springtale-vault", (string?)container["affected"]![0]!["packageURL"]);
        await DrainAsync(factory, async () => Clock(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"), "cve-record-publication") is { } c && (string?)c["state"] == "met");

        // A revision of the public advisory updates the record.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await SaveAdvisoryAsync(alice, incident, Advisory(id, "Panic wipe leaves the vault key on disk (all platforms)",
            $$"""[ { "number": "1", "date": "{{at:yyyy-MM-ddTHH:mm:ssZ}}", "summary": "Initial public release." }, { "number": "2", "date": "{{factory.Clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}}", "summary": "All platforms." } ]"""));
        await DrainAsync(factory, () => Task.FromResult((string?)standIn.Ids[id].Container!["title"] == "Panic wipe leaves the vault key on disk (all platforms)"));
        Assert.Contains(standIn.Requests, r => r.Method == "PUT" && r.Path == $"/api/cve/{id}/cna" && r.Answered == 200);

        // Unused ids are listed for rejection once the policy's period has passed, then rejected.
        var listed = await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids");
        Assert.Empty(listed["forRejection"]!.AsArray());
        factory.Clock.Advance(TimeSpan.FromDays(91));
        listed = await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids");
        var unused = listed["forRejection"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(2, unused.Count);
        Assert.DoesNotContain(id, unused);
        await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids/{unused[0]}/reject", new { reason = "Not needed." }, HttpStatusCode.Accepted);
        await DrainAsync(factory, () => Task.FromResult(standIn.Ids[unused[0]].State == "REJECTED"));
        var refused = await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids/{id}/reject", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(id, (string)refused["detail"]!, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var audited = await db.Set<AuditRecord>().AsNoTracking().Where(r => r.Action == "cve-services-call").Select(r => r.Detail).ToListAsync(Ct);
        Assert.Contains(audited, d => d.StartsWith("reserve CVE ids: POST /cve-id?amount=1", StringComparison.Ordinal) && d.Contains("→ 200", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith($"publish {id}: POST /cve/{id}/cna → 200", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith($"update {id}: PUT /cve/{id}/cna → 200", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith($"reject {unused[0]}: POST /cve/{unused[0]}/reject → 200", StringComparison.Ordinal));
        Assert.All(audited, d => Assert.DoesNotContain(CveServicesStandIn.Key, d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutageAndRateLimit_DelayThePublication_ItCompletesWhenTheServiceAnswers()
    {
        await using var standIn = await CveServicesStandIn.StartAsync();
        var (factory, alice, bob, slug) = await StartAsync(standIn);
        await using var _ = factory;
        var incident = await ConfirmedReportAsync(alice, slug);
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "reserve" }, HttpStatusCode.Accepted);
        await DrainAsync(factory, async () => (string?)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["cveId"] is not null);
        var id = (string)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["cveId"]!;
        await SaveAdvisoryAsync(alice, incident, Advisory(id, "Panic wipe leaves the vault key on disk"));
        var at = factory.Clock.GetUtcNow().AddHours(1);
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });

        standIn.Down = true;
        factory.Clock.SetUtcNow(at);
        await PublishDueAsync(factory);
        await DrainAsync(factory, async () => (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["calls"]!.AsArray()
            .Any(c => (string?)c!["kind"] == "publish" && (int?)c["lastStatus"] == 503));
        var cve = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve");
        var call = cve["calls"]!.AsArray().First(c => (string?)c!["kind"] == "publish")!;
        Assert.Equal("pending", (string?)call["state"]);
        Assert.Contains("503 SERVICE_UNAVAILABLE", (string?)call["lastError"], StringComparison.Ordinal);
        Assert.Equal("running", (string?)Clock(cve, "cve-record-publication")!["state"]);
        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains(timeline, t => t.StartsWith($"CVE Services: publish {id} failed (CVE Services answered 503", StringComparison.Ordinal));

        // Still down a while (hours of retries), then rate limited once, then up: the record is published.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await DrainAsync(factory, () => Task.FromResult(standIn.Requests.Count(r => r.Answered == 503) >= 2));
        standIn.Down = false;
        standIn.Remaining = 0;
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync(factory, () => Task.FromResult(standIn.Requests.Any(r => r.Answered == 429)));
        Assert.Equal("RESERVED", standIn.Ids[id].State);
        standIn.Remaining = null;
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await DrainAsync(factory, () => Task.FromResult(standIn.Ids[id].State == "PUBLISHED"));
        await DrainAsync(factory, async () => (string?)Clock(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"), "cve-record-publication")!["state"] == "met");
        Assert.Equal(1, standIn.Requests.Count(r => r.Method == "POST" && r.Path == $"/api/cve/{id}/cna" && r.Answered == 200));
    }

    [Fact]
    public async Task ApiKey_NeverShownBack_AndBadInputNamesTheField()
    {
        await using var standIn = await CveServicesStandIn.StartAsync();
        var (factory, alice, _, slug) = await StartAsync(standIn);
        await using var _ = factory;
        var json = await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-authority");
        Assert.DoesNotContain(CveServicesStandIn.Key, json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("own-cna", true, OrgId.ToString()), ((string?)json["authority"], (bool)json["apiKeyStored"]!, (string?)json["cveOrgId"]));
        var page = await alice.GetStringAsync(new Uri($"/projects/{slug}/cve", UriKind.Relative), Ct);
        Assert.DoesNotContain(CveServicesStandIn.Key, page, StringComparison.Ordinal);
        Assert.Contains("stored; leave empty to keep it", page, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var stored = await db.Set<CveServicesAccount>().AsNoTracking().SingleAsync(Ct);
            Assert.DoesNotContain(CveServicesStandIn.Key, stored.ApiKey!, StringComparison.Ordinal);
        }

        // Saving again without a key keeps the stored one; the service still accepts the calls.
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new
        {
            authority = "own-cna", shortName = CveServicesStandIn.Org, user = CveServicesStandIn.User, baseUrl = standIn.BaseUrl,
        }, HttpStatusCode.OK);
        await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids", new { amount = 1 }, HttpStatusCode.Accepted);
        await DrainAsync(factory, async () => (await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids"))["ids"]!.AsArray().Count == 1);

        var badUrl = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority",
            new { authority = "own-cna", shortName = "x", user = "y", baseUrl = "ftp://cve.example.org" }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("baseUrl:", (string)badUrl["detail"]!, StringComparison.Ordinal);
        var badKind = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new { authority = "mitre" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("authority", (string)badKind["detail"]!, StringComparison.Ordinal);
        var badAmount = await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids", new { amount = 0 }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("amount:", (string)badAmount["detail"]!, StringComparison.Ordinal);

        // A wrong key: CVE Services answer 401 and the call fails at once, with the service's words.
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new
        {
            authority = "own-cna", shortName = CveServicesStandIn.Org, user = CveServicesStandIn.User, apiKey = "wrong-key", baseUrl = standIn.BaseUrl,
        }, HttpStatusCode.OK);
        await alice.PostJsonAsync($"/api/v1/projects/{slug}/cve-ids", new { amount = 1 }, HttpStatusCode.Accepted);
        await DrainAsync(factory, async () => (await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids"))["calls"]!.AsArray().Any(c => (string?)c!["state"] == "failed"));
        var failed = (await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-ids"))["calls"]!.AsArray().First(c => (string?)c!["state"] == "failed")!;
        Assert.Equal((1, 401), ((int)failed["attempts"]!, (int)failed["lastStatus"]!));
        Assert.Contains("401 UNAUTHORIZED", (string?)failed["lastError"], StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", (await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-authority")).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GithubAuthority_AssignmentClock_SoundsAsCveDeadline_AtRiskThenBreached_MetOnceRecorded()
    {
        var factory = NewFactory();
        await using var _ = factory;
        var (alice, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"g{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Hubbed" }, HttpStatusCode.Created);
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new { authority = "github" }, HttpStatusCode.OK);
        var incident = await ConfirmedReportAsync(alice, slug);
        var reserve = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "reserve" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("own CNA", (string)reserve["detail"]!, StringComparison.Ordinal);

        async Task<List<string>> MarksAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Firebreak.Web.Features.Notifications.SoundAlarms>().ExecuteAsync(Ct);
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            return await db.Set<Firebreak.Web.Features.Notifications.NoticeMark>().AsNoTracking()
                .Where(m => m.Event == "cve-deadline" && m.Key.Contains(incident)).Select(m => m.Key).ToListAsync(Ct);
        }
        factory.Clock.Advance(TimeSpan.FromHours(53));
        Assert.Empty(await MarksAsync());
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("at-risk", (string?)Clock(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"), "cve-assignment")!["state"]);
        var marks = await MarksAsync();
        Assert.Single(marks);
        Assert.StartsWith("cve-deadline:at-risk:", marks[0], StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromHours(18));
        marks = await MarksAsync();
        Assert.Equal(2, marks.Count);
        Assert.Contains(marks, m => m.StartsWith("cve-deadline:breached:", StringComparison.Ordinal));

        var recorded = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "record", cveId = "CVE-2026-31337" });
        Assert.Equal("CVE-2026-31337", (string?)recorded["cveId"]);
        Assert.Equal("breached", (string?)Clock(recorded, "cve-assignment")!["state"]);
        Assert.NotNull((string?)Clock(recorded, "cve-assignment")!["stoppedAt"]);
        Assert.Null(Clock(recorded, "cve-record-publication"));
        var bad = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "record", cveId = "CVE-26-1" }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("cveId:", (string)bad["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicWithoutAnId_NothingQueued_ThenTheRecordIsPublishedNow_AndTheOrgIdWasLookedUp()
    {
        await using var standIn = await CveServicesStandIn.StartAsync();
        var (factory, alice, bob, slug) = await StartAsync(standIn, typeOrgId: false);
        await using var _ = factory;
        // No UUID typed: CVE Services gave it, asked with the project's credentials.
        Assert.Equal(CveServicesStandIn.OrgUuid.ToString(), (string?)(await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-authority"))["cveOrgId"]);
        var lookup = Assert.Single(standIn.Requests, r => r.Path == $"/api/org/{CveServicesStandIn.Org}");
        Assert.Equal(("GET", 200, CveServicesStandIn.Key), (lookup.Method, lookup.Answered, lookup.Headers["CVE-API-KEY"]));

        // The advisory goes public before the incident has a CVE id: nothing is queued, the timeline says how to go on.
        var incident = await ConfirmedReportAsync(alice, slug);
        await SaveAdvisoryAsync(alice, incident, Advisory(null, "Panic wipe leaves the vault key on disk"));
        var at = factory.Clock.GetUtcNow().AddHours(1);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        factory.Clock.SetUtcNow(at);
        await PublishDueAsync(factory);
        var cve = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve");
        Assert.Equal("running", (string?)Clock(cve, "cve-record-publication")!["state"]);
        Assert.DoesNotContain(cve["calls"]!.AsArray(), c => (string?)c!["kind"] == "publish");
        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains("CVE record not queued: the incident has no CVE id; reserve or record one on its CVE page, then publish the record there", timeline);
        var noId = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "publish" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("has no CVE id", (string)noId["detail"]!, StringComparison.Ordinal);

        // An id is reserved; the page offers to publish the record, and the record is published from the public advisory.
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "reserve" }, HttpStatusCode.Accepted);
        await DrainAsync(factory, async () => (string?)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["cveId"] is not null);
        var id = (string)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"))["cveId"]!;
        var page = await alice.GetStringAsync(new Uri($"/incidents/{incident}/cve", UriKind.Relative), Ct);
        Assert.Contains("Publish the record now", page, StringComparison.Ordinal);
        var queued = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "publish" }, HttpStatusCode.Accepted);
        Assert.Equal(("publish", id), ((string?)queued["kind"], (string?)queued["cveId"]));
        var twice = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "publish" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already queued", (string)twice["detail"]!, StringComparison.Ordinal);
        await DrainAsync(factory, () => Task.FromResult(standIn.Ids[id].State == "PUBLISHED"));
        var container = standIn.Ids[id].Container!;
        Assert.Equal(CveServicesStandIn.OrgUuid.ToString(), (string?)container["providerMetadata"]!["orgId"]);
        Assert.Equal("Panic wipe leaves the vault key on disk", (string?)container["title"]);
        await DrainAsync(factory, async () => (string?)Clock(await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve"), "cve-record-publication")!["state"] == "met");
        var again = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/cve", new { action = "publish" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already published", (string)again["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish the record now", await alice.GetStringAsync(new Uri($"/incidents/{incident}/cve", UriKind.Relative), Ct), StringComparison.Ordinal);

        // Authority changes: a second incident's running assignment clock stays under GitHub, is withdrawn without an
        // authority; the first incident's stopped clocks are history and stay.
        var second = await ConfirmedReportAsync(alice, slug);
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new { authority = "github" }, HttpStatusCode.OK);
        Assert.Equal("running", (string?)Clock(await alice.GetJsonAsync($"/api/v1/incidents/{second}/cve"), "cve-assignment")!["state"]);
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new { authority = "none" }, HttpStatusCode.OK);
        Assert.Null(Clock(await alice.GetJsonAsync($"/api/v1/incidents/{second}/cve"), "cve-assignment"));
        var first = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/cve");
        Assert.Equal(("met", "met"), ((string?)Clock(first, "cve-assignment")!["state"], (string?)Clock(first, "cve-record-publication")!["state"]));
        var secondTimeline = (await alice.GetJsonAsync($"/api/v1/incidents/{second}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains("cve-assignment clock withdrawn: the project's CVE authority is now none", secondTimeline);
    }

    [Fact]
    public async Task OrgIdLookup_Refused_NamesTheFieldAndTheServiceAnswer_NothingSaved()
    {
        await using var standIn = await CveServicesStandIn.StartAsync();
        var factory = NewFactory();
        await using var _ = factory;
        factory.RequireDatabase();
        factory.Settings["Outbound:AllowHttp"] = "true";
        factory.Settings["Outbound:Allow:0"] = $"127.0.0.1:{standIn.Port}";
        var (alice, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"o{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Orgless" }, HttpStatusCode.Created);
        var wrongKey = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new
        {
            authority = "own-cna", shortName = CveServicesStandIn.Org, user = CveServicesStandIn.User, apiKey = "not-the-key", baseUrl = standIn.BaseUrl,
        }, HttpStatusCode.UnprocessableEntity);
        var detail = (string)wrongKey["detail"]!;
        Assert.StartsWith("cveOrgId: CVE Services did not give the UUID of organisation 'springtale' (CVE Services answered 401 UNAUTHORIZED", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", detail, StringComparison.Ordinal);
        standIn.Down = true;
        var down = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/cve-authority", new
        {
            authority = "own-cna", shortName = CveServicesStandIn.Org, user = CveServicesStandIn.User, apiKey = CveServicesStandIn.Key, baseUrl = standIn.BaseUrl,
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("503 SERVICE_UNAVAILABLE", (string)down["detail"]!, StringComparison.Ordinal);
        var stored = await alice.GetJsonAsync($"/api/v1/projects/{slug}/cve-authority");
        Assert.Equal(("none", false), ((string?)stored["authority"], (bool)stored["apiKeyStored"]!));
    }
}
