using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Intake;

/// <summary>Files through the pages: the report form (multipart), the portal's upload, the thread page's download.</summary>
public partial class AttachmentPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PageClient Anonymous() =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Posts a multipart form the way the browser would, with the antiforgery token of the page it came from.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(PageClient client, string pagePath, string action, Dictionary<string, string> fields,
        string filesField, params (string Name, byte[] Content)[] files)
    {
        var html = await client.GetHtmlAsync(pagePath);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken");
        foreach (var (key, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), key);
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), filesField, name);
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), form, Ct);
    }

    [Fact]
    public async Task ReportForm_WithFile_ThreadPageDownloadsIt_PortalListsItAndTakesAnother()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ap{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Attachment pages" }, HttpStatusCode.Created);
        var reporter = Anonymous();
        using var sent = await PostMultipartAsync(reporter, $"/p/{slug}/report", $"/p/{slug}/report",
            new() { ["Title"] = "Wipe leaves key.bin", ["Credit"] = "anonymous" }, "Attachments", ("wipe.log", "wipe started\nkey.bin kept\n"u8.ToArray()));
        var receipt = await sent.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Report received", receipt, StringComparison.Ordinal);
        Assert.Contains("1 file(s) attached", receipt, StringComparison.Ordinal);
        var portal = new Uri(PortalLink().Match(receipt).Groups[1].Value).PathAndQuery;

        var id = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        var maintainer = await PageClient.SignInAsync(factory, admin: true);
        var thread = await maintainer.GetHtmlAsync($"/incidents/{id}/thread");
        var link = WebUtility.HtmlDecode(DownloadLink().Match(thread).Groups[1].Value);
        Assert.Contains("wipe.log", thread, StringComparison.Ordinal);
        using var download = await maintainer.Http.GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(download.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        Assert.Equal("wipe started\nkey.bin kept\n", await download.Content.ReadAsStringAsync(Ct));

        var outsider = await PageClient.SignInAsync(factory, admin: false);
        using (var refused = await outsider.Http.GetAsync(new Uri(link, UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        Assert.Contains("wipe.log", await reporter.GetHtmlAsync(portal), StringComparison.Ordinal);
        using var added = await PostMultipartAsync(reporter, portal, $"{portal}?handler=Attach", [], "files", ("shot.txt", AttachmentApiTests.Png));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var listed = await reporter.GetHtmlAsync(portal);
        Assert.Contains("shot.txt</td><td>png</td>", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportForm_SvgFile_IsRefusedNamingIt_AndNothingIsFiled()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ap{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Attachment pages" }, HttpStatusCode.Created);
        using var sent = await PostMultipartAsync(Anonymous(), $"/p/{slug}/report", $"/p/{slug}/report",
            new() { ["Title"] = "Logo XSS", ["Credit"] = "anonymous" }, "Attachments",
            ("proof.txt", "ok\n"u8.ToArray()), ("logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray()));
        var html = await sent.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The attachment &#x27;logo.png&#x27; was refused: its content is HTML, SVG or XML markup", html, StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
        // The browser forgets the chosen files when the form comes back: the page names them and asks for them again.
        Assert.Contains("id=\"files-again\"", html, StringComparison.Ordinal);
        Assert.Contains("proof.txt, logo.png", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"files-again\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("id=\"portal-link\" href=\"([^\"]+)\"")]
    private static partial Regex PortalLink();

    [GeneratedRegex("href=\"(/incidents/[^\"]+handler=Attachment[^\"]+)\"")]
    private static partial Regex DownloadLink();
}
