using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

/// <summary>Forms answer bad input with the page and a clear message, never a 500 or a partial write.</summary>
public class PageHostileInputTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(PageClient Page, HttpClient Api, string Slug)> ProjectAsync()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"pg{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Pages" }, HttpStatusCode.Created);
        return (page, api, slug);
    }

    private static Dictionary<string, string> PolicyForm(string critical) => new()
    {
        ["Name"] = "Pages", ["FirstAction[critical]"] = critical, ["FirstAction[high]"] = "24h", ["FirstAction[medium]"] = "72h",
        ["FirstAction[low]"] = "7d", ["UserSafetyClasses"] = "identity-leak", ["Acknowledgement"] = "24h", ["FixTarget"] = "14d",
        ["UserSafetyFixTarget"] = "14d", ["DisclosureWindow"] = "90d",
    };

    [Fact]
    public async Task Settings_BadDuration_ShowsMessageAndChangesNothing()
    {
        var (page, api, slug) = await ProjectAsync();
        var path = $"/projects/{slug}/settings";

        using var response = await page.PostFormAsync(path, path + "?handler=Save", PolicyForm("4 hours"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("first-action deadline for critical &#x27;4 hours&#x27; is not a duration", html, StringComparison.Ordinal);
        var project = await api.GetJsonAsync($"/api/v1/projects/{slug}");
        Assert.Equal(14_400, (long)project["policy"]!["severityTable"]![0]!["firstActionSeconds"]!);
    }

    [Fact]
    public async Task Settings_ValidChange_IsSavedAndUsedByNewIncidents()
    {
        var (page, api, slug) = await ProjectAsync();
        var path = $"/projects/{slug}/settings";
        using var response = await page.PostFormAsync(path, path + "?handler=Save", PolicyForm("2h"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var opened = factory.Clock.GetUtcNow();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "x", severity = "critical" }, HttpStatusCode.Created);
        Assert.Equal(opened.AddHours(2), incident.Clock("first-action")["dueAt"]!.Instant());
    }

    [Fact]
    public async Task Settings_PostWithoutAntiforgeryToken_IsRefused()
    {
        var (page, _, slug) = await ProjectAsync();
        var path = $"/projects/{slug}/settings";
        using var response = await page.PostFormAsync(path, path + "?handler=Save", PolicyForm("1h"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RefusedForm_ComesBackWithWhatWasTyped_InThatFormOnly()
    {
        var (page, _, slug) = await ProjectAsync();
        var settings = $"/projects/{slug}/settings";

        // Adding an address that has no account is refused; the address and the chosen role stay in the form.
        using var member = await page.PostFormAsync(settings, settings + "?handler=AddMember", new() { ["Email"] = "nobody-here@example.test", ["role"] = "reviewer" });
        var html = await member.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Contains("id=\"member\" name=\"Email\" type=\"email\" required value=\"nobody-here@example.test\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"reviewer\" selected=\"selected\">", html, StringComparison.Ordinal);

        // A refused save of the policy keeps its fields, and leaves the member form empty.
        using var saved = await page.PostFormAsync(settings, settings + "?handler=Save", PolicyForm("4 hours"));
        html = await saved.Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"4 hours\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"member\" name=\"Email\" type=\"email\" required>", html, StringComparison.Ordinal);

        // A lockfile that does not parse comes back in the box it was pasted into, with its name.
        var dependencies = $"/projects/{slug}/dependencies";
        using var upload = await page.PostFormAsync(dependencies, dependencies + "?handler=Upload",
            new() { ["name"] = "Cargo.lock", ["content"] = "[[package]\nname = <broken>", ["releasePath"] = "true" });
        html = await upload.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("class=\"errors", html, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"Cargo.lock\" value=\"Cargo.lock\"", html, StringComparison.Ordinal);
        var box = html[html.IndexOf("<textarea id=\"manifest-content\"", StringComparison.Ordinal)..];
        Assert.Equal("<textarea id=\"manifest-content\" name=\"content\" rows=\"4\">[[package]&#xA;name = &lt;broken&gt;</textarea>", box[..(box.IndexOf("</textarea>", StringComparison.Ordinal) + 11)]);

        // Read again, the forms are empty.
        html = await page.GetHtmlAsync(dependencies);
        Assert.Contains("<textarea id=\"manifest-content\" name=\"content\" rows=\"4\"></textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewIncident_EmptyTitle_ShowsMessageAndCreatesNothing()
    {
        var (page, api, slug) = await ProjectAsync();
        var path = $"/projects/{slug}/incidents/new";
        using var response = await page.PostFormAsync(path, path, new() { ["Kind"] = "other", ["Title"] = "   ", ["Severity"] = "low" });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An incident needs a title.", html, StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task IncidentPage_MarkdownWithScript_IsSanitised()
    {
        var (page, api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new
        {
            kind = "other", title = "XSS", severity = "low",
            summary = "<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n**bold**",
        }, HttpStatusCode.Created);

        var html = await page.GetHtmlAsync($"/incidents/{incident["id"]}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase); // raw HTML is shown as text, never as an element
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Chosen_IsUsedAndNamedOnIncidentPage()
    {
        var (page, api, slug) = await ProjectAsync();
        using var saved = await page.PostFormAsync("/account", "/account?handler=TimeZone", new() { ["TimeZone"] = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "tz", severity = "low" }, HttpStatusCode.Created);

        var html = await page.GetHtmlAsync($"/incidents/{incident["id"]}");

        Assert.Contains("Times in Europe/Berlin", html, StringComparison.Ordinal); // said once, in the header
        Assert.Contains("title=\"Europe/Berlin, UTC+01:00\">2026-", html, StringComparison.Ordinal);
        using var bad = await page.PostFormAsync("/account", "/account?handler=TimeZone", new() { ["TimeZone"] = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
    }

    [Fact]
    public async Task IncidentPage_OtherProjectsIncident_IsNotFoundForNonMember()
    {
        var (_, api, slug) = await ProjectAsync();
        var incident = await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "private", severity = "low" }, HttpStatusCode.Created);
        var outsider = await PageClient.SignInAsync(factory, admin: false);
        using var response = await outsider.Http.GetAsync(new Uri($"/incidents/{incident["id"]}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var settings = await outsider.Http.GetAsync(new Uri($"/projects/{slug}/settings", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, settings.StatusCode);
    }
}
