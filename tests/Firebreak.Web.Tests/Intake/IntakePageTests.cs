using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Intake;

/// <summary>The public report form, the reporter's portal and the maintainers' thread page, through HTTP.</summary>
public partial class IntakePageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Api, string Slug)> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ip{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Intake pages" }, HttpStatusCode.Created);
        return (api, slug);
    }

    private PageClient Anonymous() =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private static Dictionary<string, string> Form(string title, string description = "Steps to reproduce") => new()
    {
        ["Title"] = title, ["Description"] = description, ["AffectedVersions"] = "0.4.1", ["Credit"] = "anonymous",
    };

    [Fact]
    public async Task ReportForm_Anonymous_ShowsFormWithNoReferrerAndNoStore()
    {
        var (_, slug) = await ProjectAsync();
        using var response = await Anonymous().Http.GetAsync(new Uri($"/p/{slug}/report", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report a vulnerability", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportForm_Submit_ShowsReceiptWhosePortalShowsTheReport()
    {
        var (api, slug) = await ProjectAsync();
        var reporter = Anonymous();
        using var response = await reporter.PostFormAsync($"/p/{slug}/report", $"/p/{slug}/report", Form("Duress PIN is detectable"));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report received", html, StringComparison.Ordinal);
        var portal = PortalLink().Match(html).Groups[1].Value;
        Assert.Matches("/r/[A-Za-z0-9_-]{43}$", portal);
        var portalHtml = await Anonymous().GetHtmlAsync(new Uri(portal).PathAndQuery);
        Assert.Contains("Duress PIN is detectable", portalHtml, StringComparison.Ordinal);
        Assert.Single((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task ReportForm_WithoutAntiforgeryOrWithHoneypot_FilesNothing()
    {
        var (api, slug) = await ProjectAsync();
        using var forged = await Anonymous().PostFormAsync($"/p/{slug}/report", $"/p/{slug}/report", Form("forged"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var bot = Form("bot");
        bot["Website"] = "http://spam.example";
        using var trapped = await Anonymous().PostFormAsync($"/p/{slug}/report", $"/p/{slug}/report", bot);
        Assert.Equal(HttpStatusCode.OK, trapped.StatusCode);
        Assert.Contains("meant to stay empty", await trapped.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<svg/onload=alert(1)>")]
    public async Task Portal_MarkdownPayloads_RenderInert(string payload)
    {
        var (api, slug) = await ProjectAsync();
        var receipt = await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new { title = "xss", description = payload }, HttpStatusCode.Created);
        var id = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        await api.PostJsonAsync($"/api/v1/incidents/{id}/messages", new { body = payload, shared = true }, HttpStatusCode.Created);

        var html = await Anonymous().GetHtmlAsync($"/r/{(string)receipt["token"]!}");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(document.Scripts, s => Assert.StartsWith("/js/app.js", s.Source, StringComparison.Ordinal));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        // The payload was shown (as inert text or a bare link) in the report and in the reply, not dropped.
        Assert.Single(document.QuerySelectorAll(".report-body"));
        Assert.Single(document.QuerySelectorAll(".message-body"));
    }

    [Fact]
    public async Task Portal_UnknownToken_IsNotFound()
    {
        using var response = await Anonymous().Http.GetAsync(new Uri("/r/" + new string('A', 43), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ThreadPage_MaintainerSharesAndNotes_PortalShowsOnlyTheShared()
    {
        var (api, slug) = await ProjectAsync();
        var receipt = await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new { title = "thread" }, HttpStatusCode.Created);
        var id = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        var maintainer = await PageClient.SignInAsync(factory, admin: true);
        var path = $"/incidents/{id}/thread";

        using (var note = await maintainer.PostFormAsync(path, path + "?handler=Message", new() { ["body"] = "internal-only-note" }))
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        using (var shared = await maintainer.PostFormAsync(path, path + "?handler=Message", new() { ["body"] = "shared-reply", ["shared"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        var thread = await maintainer.GetHtmlAsync(path);
        Assert.Contains("internal-only-note", thread, StringComparison.Ordinal);
        var portal = await Anonymous().GetHtmlAsync($"/r/{(string)receipt["token"]!}");
        Assert.Contains("shared-reply", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("internal-only-note", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntakeSettings_BrokenTemplate_RefusedWithLiquidMessage_PreviewRendersSample()
    {
        var (api, slug) = await ProjectAsync();
        var maintainer = await PageClient.SignInAsync(factory, admin: true);
        var path = $"/projects/{slug}/intake";
        var fields = new Dictionary<string, string>
        {
            ["Accepting"] = "true", ["AutoAcknowledge"] = "true", ["AcknowledgementSubject"] = "Re: {{ report.title }}",
            ["AcknowledgementBody"] = "Thanks {{ reporter.name }} {% if %}",
        };
        using (var broken = await maintainer.PostFormAsync(path, path, fields))
        {
            Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
            Assert.Contains("Acknowledgement body:", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        fields["AcknowledgementBody"] = "Thanks {{ reporter.name }}, see {{ portal_url }}";
        using (var preview = await maintainer.PostFormAsync(path, path + "?handler=Preview", fields))
        {
            var html = await preview.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Thanks @sample-finder, see", html, StringComparison.Ordinal);
            Assert.Contains("Re: Sample: panic wipe", html, StringComparison.Ordinal);
        }
        using (var saved = await maintainer.PostFormAsync(path, path, fields))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await api.GetJsonAsync($"/api/v1/projects/{slug}/intake");
        Assert.Equal("Thanks {{ reporter.name }}, see {{ portal_url }}", (string?)settings["acknowledgementBody"]);
    }

    [GeneratedRegex("id=\"portal-link\" href=\"([^\"]+)\"")]
    private static partial Regex PortalLink();
}
