using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Disclosure;

/// <summary>
/// The structured advisory editor through HTTP, on SQLite and PostgreSQL: the draft from what the incident knows, the
/// form's save and its add/remove buttons without script, the round trip through JSON, the refusal that names a
/// missing field, the project's packages and CNA id (page and API), and the review queue.
/// </summary>
public abstract class AdvisoryEditorTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Org = "0b5e1b2e-6d2c-4c55-9a4f-5f0d2f7c1e11";

    private async Task<(HttpClient Api, PageClient Page, string Slug, string Incident)> IncidentAsync()
    {
        factory.RequireDatabase();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ed{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Editor", repositoryUrl = "https://example.org/editor" }, HttpStatusCode.Created);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/publishing", new { packages = new[] { "pkg:npm/%40acme/vault" }, cveOrgId = Org }, HttpStatusCode.OK);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents",
            new { kind = "vulnerability-report", title = "Vault key survives the wipe", severity = "high", summary = "After a wipe `key.bin` stays on disk." },
            HttpStatusCode.Created);
        var page = await PageClient.SignInAsync(factory, admin: true); // the author; the API client is a second administrator
        return (api, page, slug, (string)incident["id"]!);
    }

    private static Dictionary<string, string> Complete(string slug) => new()
    {
        ["command"] = "save",
        ["Form.Id"] = $"{slug.ToUpperInvariant()}-2026-0001",
        ["Form.Summary"] = "Vault key survives the wipe",
        ["Form.Cve"] = "CVE-2026-55501",
        ["Form.Description"] = "After a wipe `key.bin` stays on disk; anyone with the device reads the vault.",
        ["Form.Severity"] = "high",
        ["Form.CvssV3"] = "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        ["Form.Cwes[0]"] = "CWE-459",
        ["Form.Packages[0].Purl"] = "pkg:npm/%40acme/vault",
        ["Form.Packages[0].Ranges[0].Shorthand"] = "< 2.0.1",
        ["Form.References[0].Type"] = "fix",
        ["Form.References[0].Url"] = "https://example.org/editor/commit/abc",
        ["Form.Credits[0].Type"] = "remediation_developer",
        ["Form.Credits[0].Name"] = "Dana Fixer",
        ["Form.Credits[0].Consent"] = "true",
        ["Form.Revisions[0].Number"] = "1",
        ["Form.Revisions[0].Date"] = "2026-11-24",
        ["Form.Revisions[0].Summary"] = "First publication.",
    };

    [Fact]
    public async Task Draft_HoldsWhatTheIncidentKnows_AndNoPlaceholder()
    {
        var (api, _, slug, incident) = await IncidentAsync();
        using var response = await api.GetAsync(new Uri($"/api/v1/incidents/{incident}/advisory/draft", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("FILL-IN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0060", text, StringComparison.Ordinal);
        Assert.Contains("`key.bin`", text, StringComparison.Ordinal);
        var draft = JsonNode.Parse(text)!;
        Assert.Equal(Org, (string?)draft["publisher"]!["cve_org_id"]);
        Assert.Equal("high", (string?)draft["severity"]);
        Assert.Equal($"http://localhost/p/{slug}/advisories/{slug.ToUpperInvariant()}-2026-0001", (string?)draft["references"]![0]!["url"]);
        Assert.Empty(draft["affected"]!.AsArray()); // nothing known of the versions yet: no package with an invented range
        Assert.DoesNotContain("npm\"", text.Replace("pkg:npm", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormSave_WritesEveryFieldOnce_AndTheJsonViewRoundTrips()
    {
        var (api, page, slug, incident) = await IncidentAsync();
        var path = $"/incidents/{incident}/advisory";
        var saved = await page.PostFormAsync(path, $"{path}?handler=Edit", Complete(slug));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var document = await api.GetJsonAsync($"/api/v1/incidents/{incident}/advisory");
        Assert.Equal("pkg:npm/%40acme/vault", (string?)document["affected"]![0]!["purl"]);
        var events = document["affected"]![0]!["ranges"]![0]!["events"]!.AsArray();
        Assert.Equal("0", (string?)events[0]!["introduced"]);
        Assert.Equal("2.0.1", (string?)events[1]!["fixed"]);
        Assert.Equal("SEMVER", (string?)document["affected"]![0]!["ranges"]![0]!["type"]);
        Assert.Equal("Incomplete Cleanup", (string?)document["cwes"]![0]!["name"]);
        Assert.Equal("remediation_developer", (string?)document["credits"]![0]!["type"]);
        Assert.Equal(["CVE-2026-55501"], document["aliases"]!.AsArray().Select(a => (string)a!));

        // The advanced view shows the same document; saving it unchanged through the form again changes nothing but the version.
        var json = await page.GetHtmlAsync($"{path}?view=json");
        Assert.Contains("pkg:npm/%40acme/vault", json, StringComparison.Ordinal);
        var form = await page.GetHtmlAsync(path);
        Assert.Contains("value=\"2.0.1\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Dana Fixer\"", form, StringComparison.Ordinal);
        var again = await page.PostFormAsync(path, $"{path}?handler=Edit", Complete(slug) is var fields && fields.Remove("Form.Packages[0].Ranges[0].Shorthand")
            ? new(fields) { ["Form.Packages[0].Ranges[0].Introduced"] = "0", ["Form.Packages[0].Ranges[0].Fixed"] = "2.0.1" } : fields);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await api.GetJsonAsync($"/api/v1/incidents/{incident}/advisory");
        Assert.Equal(document.ToJsonString(), second.ToJsonString());

        // Every export of what the form wrote validates, the CVE record with the project's CNA id and no hand edit.
        foreach (var format in new[] { "osv", "cve5-container", "csaf", "openvex" })
        {
            using var export = await api.GetAsync(new Uri($"/api/v1/incidents/{incident}/advisory?format={format}", UriKind.Relative), Ct);
            var text = await export.Content.ReadAsStringAsync(Ct);
            Assert.True(export.IsSuccessStatusCode, $"{format}: {text}");
            var (_, issues) = AdvisoryDocumentValidator.Validate(text);
            Assert.True(issues.All(i => !i.IsError), $"{format}: {string.Join("; ", issues)}");
        }
        var cve = await api.GetJsonAsync($"/api/v1/incidents/{incident}/advisory?format=cve5-container");
        Assert.Equal(Org, (string?)cve["cnaContainer"]!["providerMetadata"]!["orgId"]);
    }

    [Fact]
    public async Task AddAndRemoveButtons_WorkWithoutScript_AndSaveNothing()
    {
        var (api, page, slug, incident) = await IncidentAsync();
        var path = $"/incidents/{incident}/advisory";
        var fields = Complete(slug);
        fields["command"] = "add-credit";
        var added = await page.PostFormAsync(path, $"{path}?handler=Edit", fields);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync(Ct);
        Assert.Contains("name=\"Form.Credits[1].Name\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Dana Fixer\"", html, StringComparison.Ordinal); // what was typed stays
        using (var none = await api.GetAsync(new Uri($"/api/v1/incidents/{incident}/advisory", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        fields["command"] = "remove-range:0:0";
        html = await (await page.PostFormAsync(path, $"{path}?handler=Edit", fields)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("name=\"Form.Packages[0].Ranges[0].Shorthand\"", html, StringComparison.Ordinal);

        fields["command"] = "cwe-search";
        fields["cweQuery"] = "pathname restricted directory";
        html = await (await page.PostFormAsync(path, $"{path}?handler=Edit", fields)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"add-cwe:CWE-22\"", html, StringComparison.Ordinal);

        fields["command"] = "remove-credit:99";
        html = await (await page.PostFormAsync(path, $"{path}?handler=Edit", fields)).Content.ReadAsStringAsync(Ct);
        Assert.True(html.Contains("is not something this form does", StringComparison.Ordinal), html[..Math.Min(html.Length, 4000)]);

        fields["command"] = "save";
        fields["Form.Packages[0].Ranges[0].Shorthand"] = "2.0.1 or so";
        var bad = await page.PostFormAsync(path, $"{path}?handler=Edit", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("is not a range; write for example", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewRequest_NamesTheMissingField_ThenTheReviewerSeesTheDifference()
    {
        var (api, page, slug, incident) = await IncidentAsync();
        var path = $"/incidents/{incident}/advisory";
        var fields = Complete(slug);
        fields.Remove("Form.Description");
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync(path, $"{path}?handler=Edit", fields)).StatusCode);
        var refused = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{incident}/advisory/review", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("description: required", refused.Text(), StringComparison.Ordinal);
        var shown = await page.PostFormAsync(path, $"{path}?handler=Review", new() { ["publishAt"] = "" });
        Assert.Contains("description: required", await shown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync(path, $"{path}?handler=Edit", Complete(slug))).StatusCode);
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { });
        var author = await page.GetHtmlAsync(path);
        Assert.Contains("id=\"cannot-approve\"", author, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approve\"", author, StringComparison.Ordinal);

        var reviewerEmail = $"reviewer-{Guid.NewGuid():N}@example.test";
        var reviewer = await PageClient.SignInAsync(factory, admin: false, reviewerEmail);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email = reviewerEmail, role = "reviewer" }, HttpStatusCode.NoContent);
        var dashboard = await reviewer.GetHtmlAsync("/");
        Assert.Contains($"{slug} #1 · {slug.ToUpperInvariant()}-2026-0001", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"{slug.ToUpperInvariant()}-2026-0001", await page.GetHtmlAsync("/"), StringComparison.Ordinal); // not the author's to review
        var review = await reviewer.GetHtmlAsync(path);
        Assert.Contains("id=\"approve\"", review, StringComparison.Ordinal);
        Assert.Contains("this is the first review", review, StringComparison.Ordinal);
        Assert.Contains("<ins>", review, StringComparison.Ordinal); // the description against the report

        var giveBack = await reviewer.PostFormAsync(path, $"{path}?handler=Return", new() { ["reason"] = "Say which versions wipe correctly." });
        Assert.Equal(HttpStatusCode.Redirect, giveBack.StatusCode);
        var returned = await page.GetHtmlAsync(path);
        Assert.Contains("Say which versions wipe correctly.", returned, StringComparison.Ordinal);
        var edited = Complete(slug);
        edited["Form.Description"] = "After a wipe `key.bin` stays on disk; versions from 2.0.1 wipe it.";
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync(path, $"{path}?handler=Edit", edited)).StatusCode);
        await api.PostJsonAsync($"/api/v1/incidents/{incident}/advisory/review", new { });
        review = await reviewer.GetHtmlAsync(path);
        var since = review[review.IndexOf("id=\"diff-since-review\"", StringComparison.Ordinal)..];
        Assert.Matches("<ins>[^<]*versions from 2\\.0\\.1 wipe it[^<]*</ins>", since);
        Assert.Matches("<del>[^<]*anyone with the device reads the vault[^<]*</del>", since);
    }

    [Fact]
    public async Task ProjectPublishing_IsCheckedByThePurlParser_OnThePageAndTheApi()
    {
        var (api, page, slug, _) = await IncidentAsync();
        var refused = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/publishing", new { packages = new[] { "pkg:npm/ok", "npm:not-a-purl" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("packages[1]", refused.Text(), StringComparison.Ordinal);
        var versioned = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/publishing", new { packages = new[] { "pkg:npm/ok@1.0.0" } }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("without @version", versioned.Text(), StringComparison.Ordinal);
        var badOrg = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/publishing", new { packages = Array.Empty<string>(), cveOrgId = "acme" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("cveOrgId", badOrg.Text(), StringComparison.Ordinal);
        var project = await api.GetJsonAsync($"/api/v1/projects/{slug}");
        Assert.Equal(["pkg:npm/%40acme/vault"], project["packages"]!.AsArray().Select(p => (string)p!)); // nothing changed by a refusal

        var saved = await page.PostFormAsync($"/projects/{slug}/settings", $"/projects/{slug}/settings?handler=Publishing",
            new() { ["packages"] = "pkg:cargo/acme-vault\npkg:pypi/acme", ["cveOrgId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        project = await api.GetJsonAsync($"/api/v1/projects/{slug}");
        Assert.Equal(["pkg:cargo/acme-vault", "pkg:pypi/acme"], project["packages"]!.AsArray().Select(p => (string)p!));
        Assert.Null(project["cveOrgId"]);
        var bad = await page.PostFormAsync($"/projects/{slug}/settings", $"/projects/{slug}/settings?handler=Publishing", new() { ["packages"] = "pkg:" });
        Assert.Contains("packages[0]", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var audit = await api.GetJsonAsync("/api/v1/audit/verify");
        Assert.True((bool)audit["intact"]!);
    }
}

public sealed class SqliteAdvisoryEditorTests(SqliteFactory factory) : AdvisoryEditorTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAdvisoryEditorTests(PostgresFactory factory) : AdvisoryEditorTests(factory), IClassFixture<PostgresFactory>;
