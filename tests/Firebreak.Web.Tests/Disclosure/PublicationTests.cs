using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Features.Disclosure;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Disclosure;

public sealed class SqlitePublicationTests(SqliteFactory factory) : PublicationTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPublicationTests(PostgresFactory factory) : PublicationTests(factory), IClassFixture<PostgresFactory>;

/// <summary>
/// The advisory's way to the public on SQLite and PostgreSQL, on the factory's fake clock: review by a second
/// maintainer, the embargo holding on every public surface until its instant and lifting on all of them at once,
/// the publication's side effects, the disclosure window's logged changes, and the thanks page's respect for every
/// credit preference.
/// </summary>
public abstract class PublicationTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string AdvisoryJson(string id, string cve, string credits = """[ { "type": "reporter", "name": "Typed Name", "consent": true } ]""") => $$"""
        {
          "id": "{{id}}", "aliases": ["{{cve}}"],
          "summary": "Panic wipe leaves the vault key on disk ({{id}})",
          "description": "After a panic wipe `key.bin` stays in `~/.vault`.",
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor" },
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault",
                          "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0.1.0" }, { "fixed": "0.4.2" } ] } ] } ],
          "cwes": [ { "id": "CWE-459", "name": "Incomplete Cleanup" } ],
          "cvss_v3": "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
          "remediation": "Upgrade to 0.4.2 and wipe again.",
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc123" } ],
          "credits": {{credits}}
        }
        """;

    private HttpClient Anonymous() => factory.CreateClient();

    private async Task<(HttpClient Alice, HttpClient Bob, string Slug)> ProjectAsync()
    {
        var (alice, _) = await factory.CreateUserClientAsync(admin: true);
        var (bob, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"p{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        return (alice, bob, slug);
    }

    private static async Task<string> OpenAsync(HttpClient api, string slug) =>
        (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "Panic wipe", severity = "high" }, HttpStatusCode.Created))["id"]!;

    private static async Task<JsonNode> SaveAsync(HttpClient api, string incident, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"save: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string path)
    {
        using var response = await Anonymous().GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task PublishDueAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishDueAdvisories>().ExecuteAsync(Ct);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PublicList_PagesNewestFirst_AndTheHomeShowsTheLatestTen()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var start = factory.Clock.GetUtcNow();
        for (var n = 0; n < 11; n++)
        {
            var incident = await OpenAsync(alice, slug);
            await SaveAsync(alice, incident, AdvisoryJson($"SPR-2026-1{n:00}", $"CVE-2026-3{n:0000}"));
            await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = start.AddHours(n + 1) });
            await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        }
        factory.Clock.Advance(TimeSpan.FromHours(12));

        var shown = new List<string>();
        var sizes = new List<int>();
        var href = $"/p/{slug}/advisories?pageSize=4";
        for (var n = 1; n <= 3; n++)
        {
            var (code, html) = await GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Contains($"11 advisories · page {n} of 3", html, StringComparison.Ordinal);
            var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-advisory=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
            sizes.Add(rows.Count);
            shown.AddRange(rows);
            var next = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\" rel=\"next\">|<a rel=\"next\" href=\"([^\"]+)\">");
            Assert.Equal(n < 3, next.Success);
            if (!next.Success) break;
            href = WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value);
            Assert.StartsWith($"/p/{slug}/advisories?", href, StringComparison.Ordinal);
            Assert.Contains("pageSize=4", href, StringComparison.Ordinal);
            Assert.Contains($"p={n + 1}", href, StringComparison.Ordinal);
        }
        Assert.Equal([4, 4, 3], sizes);
        Assert.Equal(Enumerable.Range(0, 11).Reverse().Select(n => $"SPR-2026-1{n:00}"), shown);

        using (var bad = await Anonymous().GetAsync(new Uri($"/p/{slug}/advisories?p=0", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("p: ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync($"/p/{slug}/advisories?pageSize=201")).Status);

        var page = await PageClient.SignInAsync(factory, admin: true);
        var home = await page.GetHtmlAsync($"/projects/{slug}");
        var side = home[home.IndexOf("id=\"published-advisories\"", StringComparison.Ordinal)..home.IndexOf("id=\"register-summary\"", StringComparison.Ordinal)];
        Assert.Contains("The latest 10 of 11.", side, StringComparison.Ordinal);
        Assert.Contains("SPR-2026-110", side, StringComparison.Ordinal);
        Assert.Contains("SPR-2026-101", side, StringComparison.Ordinal);
        Assert.DoesNotContain("SPR-2026-100", side, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_NeedsASecondMaintainer_AndAnEditVoidsIt()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var incident = await OpenAsync(alice, slug);
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0101", "CVE-2026-10101"));
        var review = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = factory.Clock.GetUtcNow().AddDays(5) });
        Assert.Equal("in-review", (string)review["state"]!);

        var own = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("second maintainer", (string)own["detail"]!, StringComparison.Ordinal);

        var approved = await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        Assert.Equal("scheduled", (string)approved["state"]!);
        Assert.NotNull((string?)approved["approvedBy"]);

        var edited = await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0101", "CVE-2026-10101").Replace("Upgrade to 0.4.2 and wipe again.", "Upgrade to 0.4.2.", StringComparison.Ordinal));
        Assert.Equal("draft", (string)edited["state"]!);
        Assert.Null((string?)edited["approvedBy"]);
        Assert.Null((string?)edited["publishAt"]);

        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains(timeline, t => t.StartsWith("Advisory SPR-2026-0101 approved by ", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.EndsWith("back to draft (edited while scheduled, so the approval no longer holds)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmbargoedAdvisory_IsOnNoPublicSurfaceBeforeItsInstant_ThenOnAllAtOnce()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var list = $"announce-{Guid.NewGuid():N}@example.test";
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/disclosure-settings", new
        {
            privateNoticeSubject = "Private: {{ advisory.id }}", privateNoticeBody = "Embargoed until {{ disclosure.date }}.",
            announcementSubject = "[{{ project.name }}] {{ advisory.id }} is public", announcementBody = "{{ advisory.summary }}\n\n{{ advisory.url }}",
            publicRecipients = new[] { list }, privateRecipients = Array.Empty<string>(), repositoryOwners = Array.Empty<string>(),
        }, HttpStatusCode.OK);
        var incident = await OpenAsync(alice, slug);
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0202", "CVE-2026-20202", """[ { "type": "analyst", "name": "Ann Analyst", "consent": true } ]"""));
        var at = factory.Clock.GetUtcNow().AddDays(2);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });

        factory.Clock.SetUtcNow(at.AddSeconds(-1));
        var surfaces = new[]
        {
            $"/p/{slug}/advisories", $"/p/{slug}/advisories/SPR-2026-0202", $"/p/{slug}/osv/all.json", $"/p/{slug}/osv/CVE-2026-20202.json",
            $"/p/{slug}/csaf/index.txt", $"/p/{slug}/csaf/changes.csv", $"/p/{slug}/csaf/{at.Year}/spr-2026-0202.json",
            $"/p/{slug}/.well-known/csaf/provider-metadata.json", $"/p/{slug}/thanks",
        };
        foreach (var path in surfaces)
        {
            var (code, text) = await GetAsync(path);
            Assert.True(code is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)code}");
            Assert.DoesNotContain("SPR-2026-0202", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CVE-2026-20202", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ann Analyst", text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/p/{slug}/advisories/SPR-2026-0202")).Status);
        Assert.Equal("[]", (await GetAsync($"/p/{slug}/osv/all.json")).Text);

        factory.Clock.SetUtcNow(at); // the instant itself: public everywhere, before any worker has run
        Assert.Contains("SPR-2026-0202", (await GetAsync($"/p/{slug}/advisories")).Text, StringComparison.Ordinal);
        var page = await GetAsync($"/p/{slug}/advisories/SPR-2026-0202");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("springtale-vault (crates.io) &gt;= 0.1.0, &lt; 0.4.2", page.Text, StringComparison.Ordinal);
        var feed = JsonNode.Parse((await GetAsync($"/p/{slug}/osv/all.json")).Text)!.AsArray();
        Assert.Equal("CVE-2026-20202", (string)feed.Single()!["id"]!);
        Assert.Equal(Iso(at), (string)feed.Single()!["published"]!);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/p/{slug}/osv/CVE-2026-20202.json")).Status);
        Assert.Equal($"{at.Year}/spr-2026-0202.json\n", (await GetAsync($"/p/{slug}/csaf/index.txt")).Text);
        Assert.Equal($"\"{at.Year}/spr-2026-0202.json\",\"{Iso(at)}\"\n", (await GetAsync($"/p/{slug}/csaf/changes.csv")).Text);
        var csaf = JsonNode.Parse((await GetAsync($"/p/{slug}/csaf/{at.Year}/spr-2026-0202.json")).Text)!;
        Assert.Equal("final", (string)csaf["document"]!["tracking"]!["status"]!);
        var metadata = JsonNode.Parse((await GetAsync($"/p/{slug}/.well-known/csaf/provider-metadata.json")).Text)!;
        Assert.Equal("csaf_publisher", (string)metadata["role"]!);
        Assert.EndsWith($"/p/{slug}/csaf/", (string)metadata["distributions"]![0]!["directory_url"]!, StringComparison.Ordinal);
        Assert.Equal(Iso(at), (string)metadata["last_updated"]!);
        Assert.Contains("Ann Analyst", (await GetAsync($"/p/{slug}/thanks")).Text, StringComparison.Ordinal);

        factory.Clock.SetUtcNow(at.AddMinutes(3));
        await PublishDueAsync();
        var status = await alice.GetJsonAsync($"/api/v1/incidents/{incident}/advisory/status");
        Assert.Equal("published", (string)status["state"]!);
        var disclosure = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("disclosure");
        Assert.Equal(at, disclosure["stoppedAt"]!.Instant());
        var outbox = (await alice.GetJsonAsync("/api/v1/outbox")).AsArray();
        Assert.Single(outbox, m => (string?)m!["to"] == list && (string?)m!["purpose"] == DisclosureMail.AnnouncementPurpose);
        await PublishDueAsync(); // a second pass does nothing twice
        Assert.Single((await alice.GetJsonAsync("/api/v1/outbox")).AsArray(), m => (string?)m!["to"] == list);
        if (MailSink.Smtp is not null)
        {
            var delivered = await MailSink.WaitForAsync(list);
            Assert.Equal("[Springtale] SPR-2026-0202 is public", delivered.Single().Subject);
        }
    }

    [Fact]
    public async Task ProjectWithItsOwnOsvPrefix_PublishesEveryAdvisoryUnderItsOwnIds_AndABadPrefixIsRefusedByName()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var settings = $"/api/v1/projects/{slug}/disclosure-settings";
        var current = await alice.GetJsonAsync(settings);
        Assert.Equal("", (string?)current["osvPrefix"]);
        var body = new
        {
            privateNoticeSubject = (string)current["privateNoticeSubject"]!, privateNoticeBody = (string)current["privateNoticeBody"]!,
            announcementSubject = (string)current["announcementSubject"]!, announcementBody = (string)current["announcementBody"]!,
            privateRecipients = Array.Empty<string>(), publicRecipients = Array.Empty<string>(), repositoryOwners = Array.Empty<string>(),
            osvPrefix = "GHSA",
        };
        var refused = await alice.SendJsonAsync(HttpMethod.Put, settings, body, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("osv.prefix:", (string)refused["detail"]!, StringComparison.Ordinal);
        Assert.Equal("x_SPRINGTALE", (string)(await alice.SendJsonAsync(HttpMethod.Put, settings, body with { osvPrefix = " x_SPRINGTALE " }, HttpStatusCode.OK))["osvPrefix"]!);

        // An advisory with neither a CVE nor a GHSA id: without the prefix it could not be an OSV record at all.
        var incident = await OpenAsync(alice, slug);
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0303", "none").Replace(", \"aliases\": [\"none\"]", "", StringComparison.Ordinal));
        Assert.Equal("x_SPRINGTALE-2026-0303", (string)JsonNode.Parse(await alice.GetStringAsync($"/api/v1/incidents/{incident}/advisory?format=osv", Ct))!["id"]!);
        var at = factory.Clock.GetUtcNow().AddDays(1);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = at });
        await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        Assert.Equal("[]", (await GetAsync($"/p/{slug}/osv/all.json")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/p/{slug}/osv/x_SPRINGTALE-2026-0303.json")).Status);

        factory.Clock.SetUtcNow(at);
        var feed = JsonNode.Parse((await GetAsync($"/p/{slug}/osv/all.json")).Text)!.AsArray();
        var record = feed.Single()!;
        Assert.Equal("x_SPRINGTALE-2026-0303", (string)record["id"]!);
        Assert.Equal(Iso(at), (string)record["modified"]!);
        Assert.Equal("SPR-2026-0303", (string)record["database_specific"]!["firebreak_id"]!);
        var (status, text) = await GetAsync($"/p/{slug}/osv/x_SPRINGTALE-2026-0303.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("x_SPRINGTALE-2026-0303", (string)JsonNode.Parse(text)!["id"]!);

        // Removing the prefix takes the advisory out of the feed again: it has no id from any other database.
        await alice.SendJsonAsync(HttpMethod.Put, settings, body with { osvPrefix = "" }, HttpStatusCode.OK);
        Assert.Equal("[]", (await GetAsync($"/p/{slug}/osv/all.json")).Text);
    }

    [Fact]
    public async Task DisclosureWindow_MovesOnlyWithReasonAndAgreement_AndExploitationShortensIt()
    {
        var (alice, _, slug) = await ProjectAsync();
        var incident = await OpenAsync(alice, slug);
        var now = factory.Clock.GetUtcNow();
        var due = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("disclosure")["dueAt"]!.Instant();

        var nobody = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure", new { dueAt = due.AddDays(30), reason = "fix needs a protocol change", agreedBy = Array.Empty<string>() }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("agreedBy:", (string)nobody["detail"]!, StringComparison.Ordinal);
        var noReporter = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure", new { dueAt = due.AddDays(30), reason = "x", agreedBy = new[] { "reporter" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no reporter", (string)noReporter["detail"]!, StringComparison.Ordinal);
        var bogus = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure", new { dueAt = due.AddDays(30), reason = "x", agreedBy = new[] { "the-moon" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("agreedBy", (string)bogus["detail"]!, StringComparison.Ordinal);

        var moved = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure", new { dueAt = due.AddDays(30), reason = "fix needs a protocol change", agreedBy = new[] { "maintainers" } });
        Assert.Equal(due.AddDays(30), moved["dueAt"]!.Instant());
        var timeline = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}/timeline")).AsArray();
        var entry = timeline.Last(e => (string?)e!["kind"] == "disclosure")!;
        Assert.Equal($"Disclosure extended: {due.UtcDateTime:u} → {due.AddDays(30).UtcDateTime:u}; agreed by the maintainers; reason: fix needs a protocol change", (string)entry["text"]!);
        Assert.False(string.IsNullOrEmpty((string?)entry["actor"]));

        var exploited = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure/exploitation", new { evidence = "https://example.org/in-the-wild" });
        Assert.True((bool)exploited["activelyExploited"]!);
        Assert.Equal(now.AddDays(7), exploited["dueAt"]!.Instant());
        await alice.PostJsonAsync($"/api/v1/incidents/{incident}/disclosure/exploitation", new { evidence = "again" }, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task ThanksPage_RespectsEveryCreditPreference()
    {
        var (alice, bob, slug) = await ProjectAsync();
        async Task<(string Incident, string Token)> ReportAsync(string credit, string? name, bool consent)
        {
            var receipt = await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", new
            {
                title = $"Report by {name ?? "someone"}", description = "details", contact = $"r-{Guid.NewGuid():N}@example.test", credit, creditName = name, consent,
            }, HttpStatusCode.Created);
            var incidents = (await alice.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray();
            return ((string)incidents.Single(i => ((string)i!["title"]!).EndsWith(name ?? "someone", StringComparison.Ordinal))!["id"]!, (string)receipt["token"]!);
        }
        var changed = await ReportAsync("handle", "@finder", consent: true);
        var anonymous = await ReportAsync("anonymous", null, consent: true);
        var declined = await ReportAsync("real-name", "Rae Hidden", consent: false);
        // Each acknowledgement, once delivered, stops its clock on the incident; wait for that so the advisory's moves
        // below do not meet it head-on (they would get 409 "changed meanwhile", as a person would, and reload).
        if (MailSink.Smtp is not null)
        {
            foreach (var (incident, _) in new[] { changed, anonymous, declined })
            {
                for (var i = 0; i < 200 && (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("acknowledgement")["stoppedAt"] is null; i++)
                    await Task.Delay(100, Ct);
            }
        }

        // The reporter changes their mind in the portal before publication: real name instead of the handle.
        using (var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/portal/credit") { Content = JsonContent.Create(new { credit = "real-name", creditName = "Fin Der", consent = true }) })
        {
            request.Headers.Add("X-Reporter-Token", changed.Token);
            using var response = await Anonymous().SendAsync(request, Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var n = 0;
        foreach (var incident in new[] { changed.Incident, anonymous.Incident, declined.Incident })
        {
            n++;
            await SaveAsync(alice, incident, AdvisoryJson($"SPR-2026-030{n}", $"CVE-2026-3030{n}"));
            await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = factory.Clock.GetUtcNow() });
            await bob.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });
        }
        await PublishDueAsync();

        var (status, thanks) = await GetAsync($"/p/{slug}/thanks");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fin Der", thanks, StringComparison.Ordinal);
        Assert.Contains("SPR-2026-0301", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("@finder", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("Rae Hidden", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed Name", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.test", thanks, StringComparison.Ordinal);
        Assert.Contains("And 1 person who asked not to be named.", thanks, StringComparison.Ordinal);

        var osv = JsonNode.Parse((await GetAsync($"/p/{slug}/osv/CVE-2026-30303.json")).Text)!;
        Assert.Null(osv["credits"]);
        var anonymousOsv = JsonNode.Parse((await GetAsync($"/p/{slug}/osv/CVE-2026-30302.json")).Text)!;
        Assert.Equal("Anonymous", (string)anonymousOsv["credits"]![0]!["name"]!);

        // After publication the credit is history.
        using var late = new HttpRequestMessage(HttpMethod.Put, "/api/v1/portal/credit") { Content = JsonContent.Create(new { credit = "anonymous", consent = true }) };
        late.Headers.Add("X-Reporter-Token", changed.Token);
        using var refused = await Anonymous().SendAsync(late, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Reminders_GoOutBeforeTheDateAndWhenItPasses_OncePerStep()
    {
        var (alice, _, _) = await ProjectAsync();
        var contact = $"security-{Guid.NewGuid():N}@example.test";
        var slug = $"r{Guid.NewGuid():N}"[..16];
        await alice.PostJsonAsync("/api/v1/projects", new { slug, name = "Reminded", securityContacts = new[] { contact } }, HttpStatusCode.Created);
        var incident = await OpenAsync(alice, slug);
        var due = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("disclosure")["dueAt"]!.Instant();
        List<string> Subjects(JsonArray outbox) => [.. outbox.Where(m => (string?)m!["to"] == contact && (string?)m!["purpose"] == PublishDueAdvisories.ReminderPurpose)
            .Select(m => (string)m!["subject"]!)];

        await PublishDueAsync();
        Assert.Empty(Subjects((await alice.GetJsonAsync("/api/v1/outbox")).AsArray()));

        factory.Clock.SetUtcNow(due.AddDays(-6));
        await PublishDueAsync();
        await PublishDueAsync();
        var week = Subjects((await alice.GetJsonAsync("/api/v1/outbox")).AsArray());
        Assert.Equal(["[Reminded] Disclosure of #1 is in 6 day(s)"], week);

        factory.Clock.SetUtcNow(due.AddHours(-5));
        await PublishDueAsync();
        factory.Clock.SetUtcNow(due.AddMinutes(1));
        await PublishDueAsync();
        await PublishDueAsync();
        var all = Subjects((await alice.GetJsonAsync("/api/v1/outbox")).AsArray());
        Assert.Equal(3, all.Count);
        Assert.Contains("[Reminded] Disclosure of #1 is in 5 hour(s)", all);
        Assert.Contains("[Reminded] Disclosure of #1 has passed without a public advisory", all);
        var html = await (await PageClient.SignInAsync(factory, admin: true)).GetHtmlAsync($"/incidents/{incident}/advisory");
        Assert.Contains("id=\"disclosure-passed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateNotice_IsHeldUntilItsInstant_AndOnlyBeforeTheDisclosure()
    {
        var (alice, bob, slug) = await ProjectAsync();
        var contact = $"downstream-{Guid.NewGuid():N}@example.test";
        var owner = $"owner-{Guid.NewGuid():N}@example.test";
        await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/disclosure-settings", new
        {
            privateNoticeSubject = "Private notice: {{ advisory.id }}", privateNoticeBody = "Public on {{ disclosure.date }}. {{ advisory.affected }}",
            announcementSubject = "x", announcementBody = "y",
            privateRecipients = new[] { contact }, repositoryOwners = new[] { owner, contact }, publicRecipients = Array.Empty<string>(),
        }, HttpStatusCode.OK);
        var bad = await alice.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/disclosure-settings", new
        {
            privateNoticeSubject = "{% if %}", privateNoticeBody = "b", announcementSubject = "x", announcementBody = "y",
        }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("privateNoticeSubject:", (string)bad["detail"]!, StringComparison.Ordinal);

        var incident = await OpenAsync(alice, slug);
        await SaveAsync(alice, incident, AdvisoryJson("SPR-2026-0404", "CVE-2026-40404"));
        var due = (await alice.GetJsonAsync($"/api/v1/incidents/{incident}")).Clock("disclosure")["dueAt"]!.Instant();
        var late = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/notices", new { publishAt = due.AddDays(1) }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("sendAt:", (string)late["detail"]!, StringComparison.Ordinal);

        var sendAt = factory.Clock.GetUtcNow().AddDays(3);
        var queued = await alice.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/notices", new { publishAt = sendAt });
        Assert.Equal(2, (int)queued["queued"]!);
        var messages = (await alice.GetJsonAsync("/api/v1/outbox")).AsArray().Where(m => (string?)m!["purpose"] == DisclosureMail.PrivateNoticePurpose
            && ((string)m!["to"]! == contact || (string)m!["to"]! == owner)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(sendAt, m!["nextAttemptAt"]!.Instant()));
        Assert.All(messages, m => Assert.Equal("Private notice: SPR-2026-0404", (string)m!["subject"]!));
    }
}
