using System.Net;
using System.Text.Json;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Disclosure;

/// <summary>The incident's disclosure page, the project's disclosure settings page and the public advisory page, through HTTP.</summary>
public sealed class DisclosurePageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug, string Incident)> IncidentAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"dp{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Disclosure pages" }, HttpStatusCode.Created);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "vulnerability-report", title = "Vault key survives the wipe", severity = "high", summary = "The key stays on disk." }, HttpStatusCode.Created);
        return (api, slug, (string)incident["id"]!);
    }

    private static string Advisory(string id, string description) => $$"""
        {
          "id": "{{id}}", "aliases": ["CVE-2026-77777"], "summary": "Vault key survives the wipe",
          "description": {{JsonSerializer.Serialize(description)}},
          "publisher": { "name": "Disclosure pages", "namespace": "https://example.org", "category": "vendor" },
          "affected": [ { "ecosystem": "npm", "name": "vault-wipe", "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0" }, { "fixed": "2.0.1" } ] } ] } ],
          "severity": "high", "references": [ { "type": "fix", "url": "https://example.org/fix/1" } ]
        }
        """;

    [Fact]
    public async Task DisclosurePage_StartsFromADraft_SavesThroughTheForm_AndMovesTheDateWithWhoAndWhy()
    {
        var (_, slug, incident) = await IncidentAsync();
        var page = await PageClient.SignInAsync(factory, admin: true);
        var html = await page.GetHtmlAsync($"/incidents/{incident}/advisory");
        Assert.Contains("id=\"no-advisory\"", html, StringComparison.Ordinal);
        Assert.Contains($"{slug.ToUpperInvariant()}-2026-0001", html, StringComparison.Ordinal); // the draft's id from the incident
        Assert.Contains("Planned disclosure:", html, StringComparison.Ordinal);

        var bad = await page.PostFormAsync($"/incidents/{incident}/advisory", $"/incidents/{incident}/advisory?handler=Save", new() { ["document"] = "{ \"id\": 5 }" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var saved = await page.PostFormAsync($"/incidents/{incident}/advisory", $"/incidents/{incident}/advisory?handler=Save",
            new() { ["document"] = Advisory("DP-2026-0001", "Upgrade to 2.0.1.") });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        html = await page.GetHtmlAsync($"/incidents/{incident}/advisory");
        Assert.Contains("DP-2026-0001 · version 1", html, StringComparison.Ordinal);
        Assert.Contains("id=\"request-review\"", html, StringComparison.Ordinal);

        var moved = await page.PostFormAsync($"/incidents/{incident}/advisory", $"/incidents/{incident}/advisory?handler=Disclosure",
            new() { ["dueAt"] = "2027-04-01T10:00", ["reason"] = "the reporter asked for time to present it", ["agreedBy"] = "maintainers" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        html = await page.GetHtmlAsync($"/incidents/{incident}/advisory");
        Assert.Contains("2027-04-01 10:00", html, StringComparison.Ordinal);
        Assert.Contains("id=\"times-in\">Times in UTC", html, StringComparison.Ordinal); // the zone said once, in the bar
        Assert.Contains("agreed by the maintainers; reason: the reporter asked for time to present it", html, StringComparison.Ordinal);

        var nobody = await page.PostFormAsync($"/incidents/{incident}/advisory", $"/incidents/{incident}/advisory?handler=Disclosure",
            new() { ["dueAt"] = "2027-05-01T10:00", ["reason"] = "x" });
        Assert.Contains("agreedBy: say who agreed", await nobody.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var garbled = await page.PostFormAsync($"/incidents/{incident}/advisory", $"/incidents/{incident}/advisory?handler=Disclosure",
            new() { ["dueAt"] = "next tuesday", ["reason"] = "x", ["agreedBy"] = "maintainers" });
        Assert.Contains("dueAt: &#x27;next tuesday&#x27; is not a date and time", await garbled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisclosureSettingsPage_PreviewsWithTheSample_AndSaves()
    {
        var (api, slug, _) = await IncidentAsync();
        var page = await PageClient.SignInAsync(factory, admin: true);
        var fields = new Dictionary<string, string>
        {
            ["PrivateNoticeSubject"] = "Private: {{ advisory.id }} in {{ advisory.product }}",
            ["PrivateNoticeBody"] = "Fixed in {{ advisory.patched }}; public on {{ disclosure.date }}.",
            ["AnnouncementSubject"] = "Public: {{ advisory.id }}",
            ["AnnouncementBody"] = "{{ advisory.summary }} {{ advisory.url }}",
            ["PrivateRecipients"] = "downstream@example.org",
            ["RepositoryOwners"] = "owner@example.org",
            ["PublicRecipients"] = "announce@example.org",
        };
        var preview = await page.PostFormAsync($"/projects/{slug}/disclosure", $"/projects/{slug}/disclosure?handler=Preview", new(fields));
        var html = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Private: EXAMPLE-2026-0001 in {slug}", html, StringComparison.Ordinal);
        Assert.Contains($"Fixed in {slug} 1.4.2; public on 2027-03-01 09:00 UTC.", html, StringComparison.Ordinal);

        var saved = await page.PostFormAsync($"/projects/{slug}/disclosure", $"/projects/{slug}/disclosure", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await api.GetJsonAsync($"/api/v1/projects/{slug}/disclosure-settings");
        Assert.Equal("announce@example.org", (string)settings["publicRecipients"]![0]!);

        fields["PublicRecipients"] = "Someone <x@example.org>";
        var refused = await page.PostFormAsync($"/projects/{slug}/disclosure", $"/projects/{slug}/disclosure", new(fields));
        Assert.Contains("publicRecipients[0]", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectTemplates_ShapeTheChangelogAndBodyExports()
    {
        var (api, slug, incident) = await IncidentAsync();
        using (var content = new StringContent(Advisory("DP-2026-0009", "Upgrade."), System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        async Task<string> ExportAsync(string format)
        {
            using var response = await api.GetAsync(new Uri($"/api/v1/incidents/{incident}/advisory?format={format}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Ct);
        }
        Assert.Equal("- security: vault-wipe — fix CVE-2026-77777; user-safety impact: none. Credit: not credited.", await ExportAsync("changelog"));

        var settings = await api.GetJsonAsync($"/api/v1/projects/{slug}/disclosure-settings");
        settings["changelogLine"] = "* Security: {{ advisory.summary }} ({{ advisory.cve }}), fixed in {{ advisory.patched }}.";
        settings["advisoryBody"] = "# {{ advisory.id }}\n\n{{ advisory.summary }}";
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/disclosure-settings", settings, HttpStatusCode.OK);
        Assert.Equal("* Security: Vault key survives the wipe (CVE-2026-77777), fixed in vault-wipe 2.0.1.", await ExportAsync("changelog"));
        Assert.Equal("# DP-2026-0009\n\nVault key survives the wipe", await ExportAsync("ghsa-md"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    public async Task PublicAdvisoryPage_MarkdownPayloads_RenderInert(string payload)
    {
        var (api, slug, incident) = await IncidentAsync();
        var id = $"DP-X-{Guid.NewGuid():N}"[..16];
        using (var content = new StringContent(Advisory(id, payload), System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await api.PutAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), content, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { publishAt = factory.Clock.GetUtcNow() });
        var (reviewer, _) = await factory.CreateUserClientAsync(admin: true);
        await reviewer.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/approve", new { });

        var anonymous = new PageClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var html = await anonymous.GetHtmlAsync($"/p/{slug}/advisories/{id}");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(document.Scripts, s => Assert.StartsWith("/js/app.js", s.Source, StringComparison.Ordinal));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Replace("\t", "", StringComparison.Ordinal).Trim()
            .StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Single(document.QuerySelectorAll("#description"));
    }
}
