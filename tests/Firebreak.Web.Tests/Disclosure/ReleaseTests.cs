using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Disclosure;

public sealed class SqliteReleaseTests(SqliteFactory factory) : ReleaseTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresReleaseTests(PostgresFactory factory) : ReleaseTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// The end of a disclosure through the API, on SQLite and PostgreSQL with the factory's fake clock: a fix release stops
/// the fix clock and gives the advisory its patched versions and fixed date on every surface; publication moves the
/// incident to its post-mortem, tells the reporter once, and the portal links to the advisory.
/// </summary>
public abstract class ReleaseTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Tag = "https://example.org/springtale/releases/tag/v0.4.2-secfix.1";

    // No fixed event and no patched list: the patched versions must come from the release.
    private static string AdvisoryJson(string id, string cve) => $$"""
        {
          "id": "{{id}}", "aliases": ["{{cve}}"],
          "summary": "Panic wipe leaves the vault key on disk",
          "description": "After a panic wipe `key.bin` stays in `~/.vault`.",
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor",
                         "vendor": "Springtale", "product": "Springtale", "cve_org_id": "0b5e1b2e-6d2c-4c55-9a4f-5f0d2f7c1e11" },
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault", "versions": ["0.4.1"] } ],
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc123", "name": "fix" } ],
          "cwes": [ { "id": "CWE-459", "name": "Incomplete Cleanup" } ],
          "credits": [], "severity": "high"
        }
        """;

    private HttpClient Anonymous() => factory.CreateClient();

    private async Task<(HttpClient Alice, HttpClient Bob, string Slug)> ProjectAsync()
    {
        var (alice, _) = await factory.CreateUserClientAsync(admin: true);
        var (bob, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"r{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        return (alice, bob, slug);
    }

    private static async Task SaveAsync(HttpClient api, string incident, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private async Task PublishDueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishDueAdvisories>().ExecuteAsync(Ct);
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    [Fact]
    public async Task Release_RefusesEveryBadField_NamingIt()
    {
        var (alice, _, slug) = await ProjectAsync();
        var incident = (string)(await alice.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "Wipe", severity = "high" }, HttpStatusCode.Created))["id"]!;
        var path = $"/api/v1/incidents/{incident}/releases";
        var now = factory.Clock.GetUtcNow();
        var cases = new (object Body, string Field)[]
        {
            (new { versions = Array.Empty<string>(), url = Tag }, "versions:"),
            (new { versions = new[] { "0.4.2", "<img src=x onerror=alert(1)>" }, url = Tag }, "versions[1]:"),
            (new { versions = new[] { "0.4.2", "0.4.2" }, url = Tag }, "versions[1]:"),
            (new { versions = new[] { new string('9', 101) }, url = Tag }, "versions[0]:"),
            (new { versions = new[] { "0.4.2" } }, "url:"),
            (new { versions = new[] { "0.4.2" }, url = "javascript:alert(1)" }, "url:"),
            (new { versions = new[] { "0.4.2" }, url = "http://example.org/tag" }, "url:"),
            (new { versions = new[] { "0.4.2" }, url = Tag, provenanceUrl = "https://user:pw@example.org/att" }, "provenanceUrl:"),
            (new { versions = new[] { "0.4.2" }, url = Tag, releasedAt = now.AddDays(1) }, "releasedAt:"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await alice.PostJsonAsync(path, body, HttpStatusCode.UnprocessableEntity);
            Assert.StartsWith(field, (string)problem["detail"]!, StringComparison.Ordinal);
        }
        var malformed = await alice.SendJsonAsync(HttpMethod.Post, path, new { versions = new[] { "0.4.2" }, url = Tag, releasedAt = "next tuesday" }, HttpStatusCode.BadRequest);
        Assert.Contains("releasedAt", malformed.Text(), StringComparison.Ordinal);
        Assert.Empty((await alice.GetJsonAsync(path)).AsArray());
        Assert.Null((await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("fix")["stoppedAt"]);
    }

    [Fact]
    public async Task Release_StopsTheFixClock_AndEveryExportShowsItsVersionsAndDate()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var incident = (string)(await alice.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "Wipe", severity = "high" }, HttpStatusCode.Created))["id"]!;
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var released = WholeSecond(factory.Clock.GetUtcNow().AddHours(-5));
        var created = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/releases",
            new { versions = new[] { "0.4.2", "v0.4.2-secfix.1" }, releasedAt = released, url = Tag, provenanceUrl = "https://example.org/att/0.4.2.intoto.jsonl" }, HttpStatusCode.Created);
        Assert.Equal(["0.4.2", "v0.4.2-secfix.1"], created["versions"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(released, created["releasedAt"]!.Instant());
        var listed = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/releases")).AsArray().Single()!;
        Assert.Equal(Tag, (string)listed["url"]!);
        Assert.Equal("https://example.org/att/0.4.2.intoto.jsonl", (string)listed["provenanceUrl"]!);

        var fix = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("fix");
        Assert.Equal(released, fix["stoppedAt"]!.Instant());
        Assert.Equal("met", (string)fix["state"]!);
        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains($"Fix released: 0.4.2, v0.4.2-secfix.1 at {released.UtcDateTime:u} ({Tag}); provenance https://example.org/att/0.4.2.intoto.jsonl", timeline);
        var again = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/releases", new { versions = new[] { "0.4.2" }, url = Tag }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("versions: 0.4.2 is already recorded", (string)again["detail"]!, StringComparison.Ordinal);

        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0701", "CVE-2026-70701"));
        var day = released.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var markdown = await GetTextAsync(alice, $"/api/v1/incidents/{incident}/advisory?format=ghsa-md");
        Assert.Contains("**Patched**: springtale-vault 0.4.2, v0.4.2-secfix.1\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"**Fix**: {day}\n", markdown, StringComparison.Ordinal);
        var osv = JsonNode.Parse(await GetTextAsync(alice, $"/api/v1/incidents/{incident}/advisory?format=osv"))!;
        Assert.Equal(["0.4.2", "v0.4.2-secfix.1"], osv["affected"]![0]!["database_specific"]!["patched_versions"]!.AsArray().Select(v => (string)v!));
        Assert.Contains($"{day}T", await GetTextAsync(alice, $"/api/v1/incidents/{incident}/advisory?format=cve5"), StringComparison.Ordinal);

        var at = WholeSecond(factory.Clock.GetUtcNow().AddHours(1));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        factory.Clock.SetUtcNow(at);
        foreach (var format in new[] { "cve5", "csaf", "csaf-vex", "openvex" }) // CSAF needs the initial release date: once scheduled
            Assert.Contains("v0.4.2-secfix.1", await GetTextAsync(alice, $"/api/v1/incidents/{incident}/advisory?format={format}"), StringComparison.Ordinal);
        var page = await GetTextAsync(Anonymous(), $"/p/{slug}/advisories/SPR-2026-0701");
        Assert.Contains($"<dt>Fixed</dt><dd id=\"fixed-date\">{day}</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fixed-date\">pending", page, StringComparison.Ordinal);
        var feed = JsonNode.Parse(await GetTextAsync(Anonymous(), $"/p/{slug}/osv/CVE-2026-70701.json"))!;
        Assert.Equal("v0.4.2-secfix.1", (string)feed["affected"]![0]!["database_specific"]!["patched_versions"]![1]!);
    }

    [Fact]
    public async Task Publication_MovesTheIncidentToPostMortem_TellsTheReporterOnce_AndThePortalLinksTheAdvisory()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var contact = $"finder-{Guid.NewGuid():N}@example.test";
        var receipt = await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", new
        {
            title = "Vault key survives wipe", description = "details", contact, credit = "handle", creditName = "@finder", consent = true,
        }, HttpStatusCode.Created);
        var token = (string)receipt["token"]!;
        var incident = (string)(await alice.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        if (MailSink.Smtp is not null)
        {
            // The acknowledgement, once delivered, stops its clock; wait for it so the moves below do not meet it head-on.
            for (var i = 0; i < 200 && (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("acknowledgement")["stoppedAt"] is null; i++)
                await Task.Delay(100, Ct);
        }
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/releases", new { versions = new[] { "0.4.2" }, url = Tag }, HttpStatusCode.Created);
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0702", "CVE-2026-70702"));
        var at = WholeSecond(factory.Clock.GetUtcNow().AddDays(2));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });

        var before = await PortalAsync(token);
        Assert.Null(before["advisory"]);
        await PublishDueAsync(); // not due yet: nothing moves
        Assert.NotEqual("post-mortem", (string)(await alice.GetJsonAsync($"/api/v1/incidents/{incident}"))["stage"]!);

        factory.Clock.SetUtcNow(at.AddMinutes(1));
        await PublishDueAsync();
        await PublishDueAsync(); // the worker running twice tells the reporter once

        var json = await alice.GetJsonAsync($"/api/v1/incidents/{incident}");
        Assert.Equal("post-mortem", (string)json["stage"]!);
        Assert.Equal(at, json.Clock("disclosure")["stoppedAt"]!.Instant());
        Assert.Equal("met", (string)json.Clock("fix")["state"]!);
        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray();
        var stage = timeline.Single(e => (string?)e!["kind"] == "stage-changed" && ((string)e!["text"]!).EndsWith("→ post-mortem: advisory SPR-2026-0702 published", StringComparison.Ordinal))!;
        Assert.Equal(PublishDueAdvisories.Actor, (string)stage["actor"]!);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
            var told = (await db.Set<OutboxMessage>().Where(m => m.Purpose == ReporterNotice.Purpose).ToListAsync(Ct)).Where(m => m.To == contact).ToList(); // To is sealed: compared after reading
            var message = Assert.Single(told);
            Assert.Equal("[Springtale] Your report is public: SPR-2026-0702", message.Subject);
            Assert.Contains($"/p/{slug}/advisories/SPR-2026-0702", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("The advisory credits you as: @finder", message.TextBody, StringComparison.Ordinal);
        }

        var portal = await PortalAsync(token);
        Assert.Equal("post-mortem", (string)portal["stage"]!);
        Assert.Equal("SPR-2026-0702", (string)portal["advisory"]!["id"]!);
        Assert.EndsWith($"/p/{slug}/advisories/SPR-2026-0702", (string)portal["advisory"]!["url"]!, StringComparison.Ordinal);
        Assert.Equal(at, portal["advisory"]!["publicSince"]!.Instant());
        var html = await GetTextAsync(Anonymous(), $"/r/{token}");
        Assert.Contains($"href=\"/p/{slug}/advisories/SPR-2026-0702\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"published\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReporterNotice_HonoursADeclinedCredit()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var contact = $"quiet-{Guid.NewGuid():N}@example.test";
        await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", new
        {
            title = "Quiet report", description = "details", contact, credit = "real-name", creditName = "Rae Hidden", consent = false,
        }, HttpStatusCode.Created);
        var incident = (string)(await alice.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        if (MailSink.Smtp is not null)
        {
            for (var i = 0; i < 200 && (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("acknowledgement")["stoppedAt"] is null; i++)
                await Task.Delay(100, Ct);
        }
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0703", "CVE-2026-70703"));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = factory.Clock.GetUtcNow() });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        await PublishDueAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var message = (await db.Set<OutboxMessage>().Where(m => m.Purpose == ReporterNotice.Purpose).ToListAsync(Ct)).Single(m => m.To == contact); // To is sealed
        Assert.Contains("As you asked, the advisory does not credit you.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rae Hidden", message.TextBody, StringComparison.Ordinal);
    }

    private async Task<JsonNode> PortalAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/portal");
        request.Headers.Add("X-Reporter-Token", token);
        using var response = await Anonymous().SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }
}
