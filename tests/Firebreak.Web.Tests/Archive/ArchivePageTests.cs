using System.Net;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Archive;

/// <summary>The record in the browser, without script: the incident page's and the settings page's download links for those allowed, and the redaction form.</summary>
public sealed class ArchivePageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> ZipAsync(PageClient page, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await page.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private async Task<PageClient> MemberAsync(ArchiveApiTests.Record r, string role)
    {
        var email = $"page-{Guid.NewGuid():N}@example.test";
        var page = await PageClient.SignInAsync(factory, admin: false, email);
        await r.Root.PostJsonAsync($"/api/v1/projects/{r.Slug}/members", new { email, role }, HttpStatusCode.NoContent);
        return page;
    }

    [Fact]
    public async Task DownloadLinks_ShowForThoseAllowed_AndGiveAVerifiableRecord()
    {
        var r = await ArchiveApiTests.RecordAsync(factory);
        var admin = await MemberAsync(r, "admin");
        Assert.Contains("id=\"record-link\"", await admin.GetHtmlAsync($"/incidents/{r.Incident}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"redact-link\"", await admin.GetHtmlAsync($"/incidents/{r.Incident}"), StringComparison.Ordinal);
        Assert.True(ZipFiles.Verify(await ZipAsync(admin, $"/incidents/{r.Incident}/record")).Intact);
        Assert.Contains("id=\"project-record-link\"", await admin.GetHtmlAsync($"/projects/{r.Slug}/settings"), StringComparison.Ordinal);
        var project = ZipFiles.Verify(await ZipAsync(admin, $"/projects/{r.Slug}/record"));
        Assert.True(project.Intact, string.Join("\n", project.Problems));

        var reviewer = await MemberAsync(r, "reviewer");
        Assert.Contains("id=\"record-link\"", await reviewer.GetHtmlAsync($"/incidents/{r.Incident}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"project-record-link\"", await reviewer.GetHtmlAsync($"/projects/{r.Slug}/settings"), StringComparison.Ordinal);
        await ZipAsync(reviewer, $"/projects/{r.Slug}/record", HttpStatusCode.Forbidden);

        var board = await MemberAsync(r, "board");
        Assert.DoesNotContain("id=\"record-link\"", await board.GetHtmlAsync($"/incidents/{r.Incident}"), StringComparison.Ordinal);
        await ZipAsync(board, $"/incidents/{r.Incident}/record", HttpStatusCode.Forbidden);
        await ZipAsync(board, $"/incidents/{r.Incident}/reporter/redact", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RedactionForm_NeedsAReasonAndTheBox_ThenRedactsOnce()
    {
        var r = await ArchiveApiTests.RecordAsync(factory);
        var root = await PageClient.SignInAsync(factory, admin: true);
        var path = $"/incidents/{r.Incident}/reporter/redact";
        Assert.Contains("id=\"redact-link\"", await root.GetHtmlAsync($"/incidents/{r.Incident}"), StringComparison.Ordinal);
        var form = await root.GetHtmlAsync(path);
        Assert.Contains(r.Contact, form, StringComparison.Ordinal);

        using (var unconfirmed = await root.PostFormAsync(path, path, new() { ["Reason"] = "Asked by mail" }))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("confirm: tick the box", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var noReason = await root.PostFormAsync(path, path, new() { ["Reason"] = "", ["Confirm"] = "true" }))
            Assert.Contains("reason: say why", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var done = await root.PostFormAsync(path, path, new() { ["Reason"] = "Asked by mail on 2026-11-30", ["Confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.Equal($"/incidents/{r.Incident}", done.Headers.Location?.OriginalString);
        }
        var page = await root.GetHtmlAsync($"/incidents/{r.Incident}");
        Assert.DoesNotContain("id=\"redact-link\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Contact, page, StringComparison.Ordinal);
        Assert.Contains("id=\"already-redacted\"", await root.GetHtmlAsync(path), StringComparison.Ordinal);
        Assert.Equal("[redacted]", (string)(await r.Admin.GetJsonAsync($"/api/v1/incidents/{r.Incident}"))["reporter"]!["contact"]!);
    }
}
