using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Intake;

/// <summary>Public intake, the reporter portal and the report thread, on SQLite and on PostgreSQL.</summary>
public abstract class IntakeApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Maintainer, string Slug)> ProjectAsync(string? securityContact = null)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"p{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new
        {
            slug, name = "Springtale", repositoryUrl = "https://example.org/springtale",
            securityContacts = securityContact is null ? Array.Empty<string>() : [securityContact],
        }, HttpStatusCode.Created);
        return (api, slug);
    }

    private static object Report(string? contact = null, string? cvss = null, string? website = null) => new
    {
        title = "Panic wipe leaves the vault key on disk",
        description = "Steps:\n\n1. enable panic wipe\n2. trigger it\n3. `ls ~/.vault` still shows `key.bin`",
        affectedVersions = "< 0.4.2", cvssVector = cvss, contact, credit = "handle", creditName = "@finder", consent = true, website,
    };

    private HttpClient Anonymous() => factory.CreateClient();

    private static HttpRequestMessage PortalRequest(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Reporter-Token", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<JsonNode> PortalAsync(string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = PortalRequest(HttpMethod.Get, "/api/v1/portal", token);
        using var response = await Anonymous().SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"portal: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Submit_Anonymous_OpensReportInDiscoveryWithClocksPlaybookAndPortal()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var receipt = await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports",
            Report(cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), HttpStatusCode.Created);

        var token = (string)receipt["token"]!;
        Assert.Equal(43, token.Length);
        Assert.EndsWith($"/r/{token}", (string?)receipt["portalUrl"], StringComparison.Ordinal);
        var incident = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!;
        Assert.Equal("vulnerability-report", (string?)incident["kind"]);
        Assert.Equal("discovery", (string?)incident["stage"]);
        Assert.Equal("critical", (string?)incident["severity"]); // from the 9.8 vector
        Assert.Equal("running", (string?)incident.Clock("acknowledgement")["state"]);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(24), incident.Clock("acknowledgement")["dueAt"]!.Instant());
        Assert.Equal("reported-vulnerability", (string?)incident["playbooks"]![0]!["playbookId"]);
        Assert.Equal($"{slug}#{incident["number"]}", (string?)receipt["reference"]);

        var portal = await PortalAsync(token);
        Assert.Equal("discovery", (string?)portal["stage"]);
        Assert.Equal("Panic wipe leaves the vault key on disk", (string?)portal["title"]);
        Assert.Empty(portal["messages"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"title\": \"x\", \"website\": \"http://spam.example\"}", "meant to stay empty")]
    [InlineData("{\"title\": \"x\", \"cvssVector\": \"CVSS:3.1/AV:Q\"}", "CVSS vector")]
    [InlineData("{\"title\": \"x\", \"contact\": \"not an address\"}", "not an e-mail address")]
    [InlineData("{\"title\": \"\"}", "title")]
    [InlineData("{\"title\": \"x\", \"credit\": \"famous\"}", "credit preference")]
    [InlineData("{\"title\": \"x\", \"credit\": \"handle\", \"consent\": true}", "name or handle")]
    [InlineData("{\"title\": [1]}", "Malformed JSON")]
    [InlineData("not json", "Malformed JSON")]
    public async Task Submit_HostileOrInvalid_AnswersProblemAndFilesNothing(string body, string expected)
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Anonymous().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task Submit_UnknownProject_IsNotFound()
    {
        factory.RequireDatabase();
        await Anonymous().PostJsonAsync("/api/v1/projects/no-such-project/reports", Report(), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("'; DROP TABLE Incidents; --AAAAAAAAAAAAAAAA")]
    public async Task Portal_WrongToken_IsNotFound(string token)
    {
        factory.RequireDatabase();
        await PortalAsync(token, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Thread_InternalNoteNeverReachesPortal_SharedMessageAndReplyDo()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var token = (string)(await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created))["token"]!;
        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;

        await maintainer.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = "INTERNAL: reproduced, looks like CWE-459", shared = false }, HttpStatusCode.Created);
        await maintainer.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = "Thanks, we reproduced it.", shared = true }, HttpStatusCode.Created);
        using (var reply = PortalRequest(HttpMethod.Post, "/api/v1/portal/messages", token, new { body = "Happy to test the fix." }))
        using (var response = await Anonymous().SendAsync(reply, Ct))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var portal = await PortalAsync(token);
        var seen = portal["messages"]!.AsArray().Select(m => ((string)m!["author"]!, (string)m["body"]!)).ToList();
        Assert.Equal([("the maintainers", "Thanks, we reproduced it."), ("you", "Happy to test the fix.")], seen);
        Assert.DoesNotContain("INTERNAL", portal.Text(), StringComparison.Ordinal);

        var all = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/messages")).AsArray();
        Assert.Equal([false, true, true], all.Select(m => (bool)m!["shared"]!));
        var timeline = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains("The reporter sent a message", timeline);
        Assert.Contains("Message shared with the reporter", timeline);
    }

    [Fact]
    public async Task Portal_ChangesCredit_IncidentReporterFollows()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var token = (string)(await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created))["token"]!;

        using (var change = PortalRequest(HttpMethod.Put, "/api/v1/portal/credit", token, new { credit = "real-name", creditName = "Ada Lovelace", consent = true }))
        using (var response = await Anonymous().SendAsync(change, Ct))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var incident = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!;
        Assert.Equal("real-name", (string?)incident["reporter"]!["credit"]);
        Assert.Equal("Ada Lovelace", (string?)incident["reporter"]!["creditName"]);
        using var bad = PortalRequest(HttpMethod.Put, "/api/v1/portal/credit", token, new { credit = "real-name", consent = true });
        using var refused = await Anonymous().SendAsync(bad, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Messages_OtherProjectsMaintainer_SeesNothing()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created);
        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        var (outsider, _) = await factory.CreateUserClientAsync(admin: false);

        await outsider.GetJsonAsync($"/api/v1/incidents/{id}/messages", HttpStatusCode.NotFound);
        await outsider.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = "hi", shared = true }, HttpStatusCode.NotFound);
        await outsider.PostJsonAsync($"/api/v1/incidents/{id}/acknowledgement", new { }, HttpStatusCode.NotFound);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/messages")).AsArray());
    }

    [Fact]
    public async Task Acknowledgement_WithoutMail_IsASharedReply_OrMarkedWithHow_AndThePortalSaysSo()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var replied = (string)(await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created))["token"]!;
        var marked = (string)(await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created))["token"]!;
        var incidents = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().OrderBy(i => (int)i!["number"]!).ToList();
        var (first, second) = ((string)incidents[0]!["id"]!, (string)incidents[1]!["id"]!);
        Assert.False((bool)(await PortalAsync(replied))["acknowledged"]!);

        // An internal note tells the reporter nothing; a shared reply is on their private page, so it acknowledges them.
        await maintainer.PostJsonAsync($"/api/v1/incidents/{first}/messages", new { body = "Looking at it.", shared = false }, HttpStatusCode.Created);
        Assert.False((bool)(await PortalAsync(replied))["acknowledged"]!);
        await maintainer.PostJsonAsync($"/api/v1/incidents/{first}/messages", new { body = "Thanks, we can reproduce it.", shared = true }, HttpStatusCode.Created);
        Assert.True((bool)(await PortalAsync(replied))["acknowledged"]!);
        var clock = (await maintainer.GetJsonAsync($"/api/v1/incidents/{first}")).Clock("acknowledgement");
        Assert.Equal(factory.Clock.GetUtcNow(), clock["stoppedAt"]!.Instant());

        var noHow = await maintainer.PostJsonAsync($"/api/v1/incidents/{second}/acknowledged", new { how = "  " }, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("how:", (string)noHow["detail"]!, StringComparison.Ordinal);
        await maintainer.PostJsonAsync($"/api/v1/incidents/{second}/acknowledged", new { how = "replied on the GitHub private report" }, HttpStatusCode.NoContent);
        Assert.True((bool)(await PortalAsync(marked))["acknowledged"]!);
        var timeline = (await maintainer.GetJsonAsync($"/api/v1/incidents/{second}/timeline")).AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Contains(timeline, t => t.Contains("acknowledged another way: replied on the GitHub private report", StringComparison.Ordinal));
        var again = await maintainer.PostJsonAsync($"/api/v1/incidents/{second}/acknowledged", new { how = "twice" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no acknowledgement waiting", (string)again["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verdicts_MoveTheReportAndAnswerTheReporter_SpamIsKeptAndSilent()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var tokens = new List<string>();
        for (var n = 0; n < 3; n++)
            tokens.Add((string)(await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created))["token"]!);
        var incidents = (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().OrderBy(i => (int)i!["number"]!).ToList();
        string Id(int n) => (string)incidents[n]!["id"]!;

        await maintainer.PostJsonAsync($"/api/v1/incidents/{Id(0)}/verdict", new { verdict = "valid" }, HttpStatusCode.NoContent);
        await maintainer.PostJsonAsync($"/api/v1/incidents/{Id(1)}/verdict", new { verdict = "duplicate", duplicateOf = (int)incidents[0]!["number"]! }, HttpStatusCode.NoContent);
        await maintainer.PostJsonAsync($"/api/v1/incidents/{Id(2)}/verdict", new { verdict = "spam" }, HttpStatusCode.NoContent);

        Assert.Equal("assessment", (string?)(await maintainer.GetJsonAsync($"/api/v1/incidents/{Id(0)}"))["stage"]);
        Assert.Contains("are assessing it now", (string?)(await PortalAsync(tokens[0]))["messages"]![0]!["body"], StringComparison.Ordinal);
        var duplicate = await maintainer.GetJsonAsync($"/api/v1/incidents/{Id(1)}");
        Assert.Equal("duplicate", (string?)duplicate["stage"]);
        Assert.Equal(Id(0), (string?)duplicate["duplicateOf"]);
        var spam = await maintainer.GetJsonAsync($"/api/v1/incidents/{Id(2)}");
        Assert.Equal("rejected", (string?)spam["stage"]);
        Assert.Empty((await PortalAsync(tokens[2]))["messages"]!.AsArray());
        Assert.Equal(3, (await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Count);
    }

    [Theory]
    [InlineData("{\"verdict\": \"maybe\"}", "verdict")]
    [InlineData("{\"verdict\": \"duplicate\"}", "number of the original")]
    [InlineData("{\"verdict\": \"duplicate\", \"duplicateOf\": 999}", "no incident #999")]
    public async Task Verdict_Invalid_AnswersProblemAndChangesNothing(string body, string expected)
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(), HttpStatusCode.Created);
        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await maintainer.PostAsync(new Uri($"/api/v1/incidents/{id}/verdict", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("discovery", (string?)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}"))["stage"]);
    }

    [Fact]
    public async Task Acknowledgement_ArrivesOverSmtpWithPortalLink_AndStopsTheClock()
    {
        factory.RequireDatabase();
        MailSink.Require();
        var reporter = $"reporter-{Guid.NewGuid():N}@example.test";
        var contact = $"security-{Guid.NewGuid():N}@example.test";
        var (maintainer, slug) = await ProjectAsync(contact);
        var receipt = await Anonymous().PostJsonAsync($"/api/v1/projects/{slug}/reports", Report(contact: reporter), HttpStatusCode.Created);
        Assert.True((bool)receipt["acknowledgementQueued"]!);

        var mail = Assert.Single(await MailSink.WaitForAsync(reporter));
        Assert.Contains("We received your security report", mail.Subject, StringComparison.Ordinal);
        Assert.Contains((string)receipt["portalUrl"]!, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("@finder", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);
        var notification = Assert.Single(await MailSink.WaitForAsync(contact));
        Assert.Contains("New medium security report", notification.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain((string)receipt["token"]!, notification.TextBody, StringComparison.Ordinal);

        var id = (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        JsonNode incident;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            incident = await maintainer.GetJsonAsync($"/api/v1/incidents/{id}");
            if ((string?)incident.Clock("acknowledgement")["state"] == "met") break;
            await Task.Delay(50, Ct);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal("met", (string?)incident.Clock("acknowledgement")["state"]);
        Assert.True((bool)(await PortalAsync((string)receipt["token"]!))["acknowledged"]!);
    }
}

public sealed class SqliteIntakeApiTests(SqliteFactory factory) : IntakeApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIntakeApiTests(PostgresFactory factory) : IntakeApiTests(factory), IClassFixture<PostgresFactory>;
