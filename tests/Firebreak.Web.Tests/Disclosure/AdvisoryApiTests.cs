using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Disclosure;

/// <summary>The incident's advisory written once on the server and exported to every format, on SQLite and PostgreSQL.</summary>
public abstract class AdvisoryApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal const string Advisory = """
        {
          "id": "FBK-2026-0007", "aliases": ["CVE-2026-31337", "GHSA-4f7q-9x2c-m3vw"],
          "summary": "Panic wipe leaves the vault key on disk",
          "description": "After a panic wipe `key.bin` stays in `~/.vault`.",
          "publisher": { "name": "Springtale", "namespace": "https://springtale.example.org", "category": "vendor",
                         "vendor": "Springtale", "product": "Springtale", "cve_org_id": "0b5e1b2e-6d2c-4c55-9a4f-5f0d2f7c1e11" },
          "affected": [ { "ecosystem": "crates.io", "name": "springtale-vault",
                          "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0.1.0" }, { "fixed": "0.4.2" } ] } ],
                          "versions": [], "patched": ["0.4.2"] } ],
          "cwes": [ { "id": "CWE-459", "name": "Incomplete Cleanup" } ],
          "cvss_v3": "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "severity": "high",
          "user_safety_impact": "A seized device still holds the vault key after the user wiped it.",
          "remediation": "Upgrade to 0.4.2 and wipe again.",
          "references": [ { "type": "fix", "url": "https://springtale.example.org/commit/abc123", "name": "fix" } ],
          "credits": [ { "type": "reporter", "name": "@finder", "consent": true }, { "type": "finder", "anonymous": true } ],
          "timeline": { "reported": "2026-11-02T09:30:00Z", "acknowledged": "2026-11-02T12:00:00Z", "triaged": "2026-11-03T09:00:00Z",
                        "fixed": "2026-11-10T09:00:00Z", "published": "2026-11-20T09:00:00Z", "modified": "2026-11-20T09:00:00Z" },
          "revisions": [ { "number": "1", "date": "2026-11-20T09:00:00Z", "summary": "Initial public release." } ]
        }
        """;

    private async Task<(HttpClient Api, string Id)> IncidentAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"d{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "Panic wipe", severity = "high" }, HttpStatusCode.Created);
        return (api, (string)incident["id"]!);
    }

    private static async Task<(HttpStatusCode Status, string Text, string? Type)> SendAsync(HttpClient api, HttpMethod method, string url, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await api.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SavedAdvisory_ExportsToEveryFormat_AndEachExportIsAudited()
    {
        factory.RequireDatabase();
        var (api, id) = await IncidentAsync();
        var (saved, savedText, _) = await SendAsync(api, HttpMethod.Put, $"/api/v1/incidents/{id}/advisory", Advisory);
        Assert.True(saved == HttpStatusCode.OK, savedText);

        var osv = JsonNode.Parse((await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=osv")).Text)!;
        Assert.Equal("GHSA-4f7q-9x2c-m3vw", (string?)osv["id"]);
        Assert.Equal("0.4.2", (string?)osv["affected"]![0]!["ranges"]![0]!["events"]![1]!["fixed"]);
        var cve = JsonNode.Parse((await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=cve5-container")).Text)!;
        Assert.Equal("CWE-459", (string?)cve["cnaContainer"]!["problemTypes"]![0]!["descriptions"]![0]!["cweId"]);
        var csaf = JsonNode.Parse((await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=csaf")).Text)!;
        Assert.Equal("csaf_security_advisory", (string?)csaf["document"]!["category"]);
        var vex = JsonNode.Parse((await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=openvex")).Text)!;
        Assert.Equal("https://openvex.dev/ns/v0.2.0", (string?)vex["@context"]);
        var (_, markdown, type) = await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=ghsa-md");
        Assert.Equal("text/markdown", type);
        Assert.Contains("**CWE**: CWE-459", markdown, StringComparison.Ordinal);
        var (_, changelog, _) = await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=changelog");
        Assert.StartsWith("- security: ", changelog, StringComparison.Ordinal);
        Assert.Contains("Credit: @finder.", changelog, StringComparison.Ordinal);
        Assert.Equal(["@finder", "Anonymous"], osv["credits"]!.AsArray().Select(c => (string)c!["name"]!)); // the anonymous finder is counted, never named

        var verdict = await api.GetJsonAsync("/api/v1/audit/verify");
        Assert.True((bool)verdict["intact"]!);
    }

    [Theory]
    [InlineData("{\"id\": \"FBK-1\", \"summary\": \"x\", \"publisher\": {\"name\": \"P\", \"namespace\": \"https://p.example.org\"}, \"cwes\": [{\"id\": \"CWE-45x\"}]}", "CWE")]
    [InlineData("{\"id\": \"FBK-1\", \"summary\": \"x\", \"publisher\": {\"name\": \"P\", \"namespace\": \"https://p.example.org\"}, \"aliases\": [\"CVE-26-1\"]}", "CVE")]
    [InlineData("{\"id\": \"FBK-1\", \"summary\": \"x\", \"publisher\": {\"name\": \"P\", \"namespace\": \"https://p.example.org\"}, \"cvss_v3\": \"CVSS:3.1/AV:Q\"}", "cvss")]
    [InlineData("not json", "")]
    public async Task Save_InvalidAdvisory_IsRefusedNamingTheField(string body, string expected)
    {
        factory.RequireDatabase();
        var (api, id) = await IncidentAsync();
        var (status, text, _) = await SendAsync(api, HttpMethod.Put, $"/api/v1/incidents/{id}/advisory", body);
        Assert.True(status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{(int)status}: {text}");
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory")).Status);
    }

    [Fact]
    public async Task Export_UnknownFormat_NamesTheFormats()
    {
        factory.RequireDatabase();
        var (api, id) = await IncidentAsync();
        await SendAsync(api, HttpMethod.Put, $"/api/v1/incidents/{id}/advisory", Advisory);
        var (status, text, _) = await SendAsync(api, HttpMethod.Get, $"/api/v1/incidents/{id}/advisory?format=pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("osv, cve5", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteAdvisoryApiTests(SqliteFactory factory) : AdvisoryApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAdvisoryApiTests(PostgresFactory factory) : AdvisoryApiTests(factory), IClassFixture<PostgresFactory>;
