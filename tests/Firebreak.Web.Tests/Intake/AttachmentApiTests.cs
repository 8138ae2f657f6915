using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Intake;

/// <summary>
/// Files with a report (multipart API), added later from the portal, refused by limit and by
/// content with the file named and nothing filed, and downloaded by maintainers only as opaque,
/// audited attachments; on SQLite and on PostgreSQL.
/// </summary>
public abstract class AttachmentApiTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    private async Task<(HttpClient Maintainer, string Slug)> ProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"a{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Springtale" }, HttpStatusCode.Created);
        return (api, slug);
    }

    internal static MultipartFormDataContent Multipart(object? report, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        if (report is not null) form.Add(new StringContent(JsonSerializer.Serialize(report), Encoding.UTF8, "application/json"), "report");
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain"); // the client's claim, which is never believed
            form.Add(part, "files", name);
        }
        return form;
    }

    private static object Report(string? contact = null) => new { title = "Vault key left on disk", description = "See the log.", contact };

    private async Task<(HttpStatusCode Status, JsonNode Body, string Text)> SubmitAsync(string slug, MultipartFormDataContent form)
    {
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), form, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!, text);
    }

    private static async Task<string> OnlyIncidentAsync(HttpClient maintainer, string slug) =>
        (string)(await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;

    [Fact]
    public async Task Submit_WithFiles_StoresThemDetectedByContent_ListedForMaintainerAndReporter()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var log = "2026-11-24 09:00:01 INFO wipe started\n2026-11-24 09:00:02 WARN key.bin kept\n"u8.ToArray();
        using var form = Multipart(Report(), ("../../etc/crash.log", log), ("screenshot.txt", Png), ("config.json", "{\"wipe\": true}"u8.ToArray()));
        var (status, receipt, text) = await SubmitAsync(slug, form);
        Assert.True(status == HttpStatusCode.Created, text);
        Assert.Equal(3, (int)receipt["attachments"]!);

        var id = await OnlyIncidentAsync(maintainer, slug);
        var listed = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray()
            .ToDictionary(a => (string)a!["fileName"]!, a => a!);
        Assert.Equal(["config.json", "crash.log", "screenshot.txt"], listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("text", (string?)listed["crash.log"]["type"]);
        Assert.Equal("png", (string?)listed["screenshot.txt"]["type"]); // a PNG named .txt and sent as text/plain is a PNG
        Assert.Equal("json", (string?)listed["config.json"]["type"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), (string?)listed["screenshot.txt"]["sha256"]);
        Assert.Equal(Png.Length, (long)listed["screenshot.txt"]["size"]!);
        Assert.Equal("reporter", (string?)listed["crash.log"]["uploadedBy"]);
        Assert.Equal(factory.Clock.GetUtcNow(), listed["crash.log"]["uploadedAt"]!.Instant());

        using var portal = new HttpRequestMessage(HttpMethod.Get, "/api/v1/portal");
        portal.Headers.Add("X-Reporter-Token", (string)receipt["token"]!);
        using var seen = await factory.CreateClient().SendAsync(portal, Ct);
        var portalJson = JsonNode.Parse(await seen.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(3, portalJson["attachments"]!.AsArray().Count);
    }

    public static TheoryData<string, string[], int[], string> Refusals => new()
    {
        { "too large", ["big.log"], [(10 << 20) + 1], "'big.log' is 10 MiB (10,485,761 bytes); each file may be at most 10 MiB" },
        { "too much together", ["a.log", "b.log", "c.log"], [9 << 20, 9 << 20, 9 << 20], "'c.log' brings the report's files to 27 MiB" },
        { "too many", ["1.log", "2.log", "3.log", "4.log", "5.log", "6.log"], [10, 10, 10, 10, 10, 10], "'6.log' is one too many: a report may carry at most 5 files" },
        { "html", ["notes.txt", "page.txt"], [10, -1], "'page.txt' was refused: its content is HTML, SVG or XML markup" },
        { "svg", ["diagram.png"], [-2], "'diagram.png' was refused: its content is HTML, SVG or XML markup" },
        { "binary", ["tool.exe"], [-3], "'tool.exe' was refused: its content is binary content of a type that is not accepted" },
        { "empty", ["empty.log"], [0], "'empty.log' was refused: its content is empty" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Submit_RefusedFile_NamesTheFileAndWhy_AndFilesNothing(string why, string[] names, int[] sizes, string expected)
    {
        factory.RequireDatabase();
        _ = why;
        var (maintainer, slug) = await ProjectAsync();
        var files = names.Zip(sizes, (name, size) => (name, size switch
        {
            -1 => "\n  <!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
            -2 => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
            -3 => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
            _ => Enumerable.Repeat((byte)'x', size).ToArray(),
        })).ToArray();
        using var form = Multipart(Report(), files);
        var (status, _, text) = await SubmitAsync(slug, form);

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)status}: {text}");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        Assert.False(await db.Set<Web.Features.Intake.Attachments.ReportAttachment>().AnyAsync(a => db.Projects.Any(p => p.Id == a.ProjectId && p.Slug == slug), Ct));
    }

    [Theory]
    [InlineData("C:\\Users\\me\\Desktop\\proof.log", "proof.log")]
    [InlineData("..\u202Egol.exe", "gol.exe")]
    [InlineData("rep*ort;<x>.log", "rep_ort__x_.log")]
    [InlineData("...", "attachment")]
    public async Task Submit_FileName_IsSanitised(string sent, string kept)
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var form = Multipart(Report(), (sent, "line\n"u8.ToArray()));
        var (status, _, text) = await SubmitAsync(slug, form);
        Assert.True(status == HttpStatusCode.Created, text);
        var id = await OnlyIncidentAsync(maintainer, slug);
        Assert.Equal(kept, (string?)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["fileName"]);
    }

    [Fact]
    public async Task Submit_FileNameWithEncodedControlCharacters_LosesThem()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        // HttpClient refuses to send such a name, so the body is written by hand, the way a hostile client would.
        var body = "--b\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n{\"title\": \"x\"}\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.log\"; filename*=UTF-8''a%00b%07c%0D%0A%1B.log\r\n\r\nline\n\r\n--b--\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = await OnlyIncidentAsync(maintainer, slug);
        Assert.Equal("abc.log", (string?)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["fileName"]);
    }

    [Fact]
    public async Task Submit_LongFileName_IsShortenedKeepingTheExtension()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var form = Multipart(Report(), (new string('n', 300) + ".log", "line\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(slug, form)).Status);
        var name = (string)(await maintainer.GetJsonAsync($"/api/v1/incidents/{await OnlyIncidentAsync(maintainer, slug)}/attachments")).AsArray().Single()!["fileName"]!;
        Assert.Equal(100, name.Length);
        Assert.EndsWith(".log", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"title\": [1]}", "Malformed JSON")]
    [InlineData(null, "part named 'report'")]
    public async Task Submit_MultipartWithBadReportPart_Answers400(string? report, string expected)
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var form = Multipart(null, ("a.log", "x"u8.ToArray()));
        if (report is not null) form.Add(new StringContent(report, Encoding.UTF8, "application/json"), "report");
        var (status, _, text) = await SubmitAsync(slug, form);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {text}");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty((await maintainer.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray());
    }

    [Fact]
    public async Task Submit_OtherContentType_Answers415()
    {
        factory.RequireDatabase();
        var (_, slug) = await ProjectAsync();
        using var content = new StringContent("title=x", Encoding.UTF8, "text/plain");
        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Download_HasExactlyTheDownloadHeaders_AndIsAudited()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        using var zip = Multipart(Report(), ("proof.zip", [.. "PK\u0003\u0004"u8, .. html]));
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(slug, zip)).Status);
        var id = await OnlyIncidentAsync(maintainer, slug);
        var attachment = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!;
        var attachmentId = (string)attachment["id"]!;

        using var response = await maintainer.GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachmentId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("proof.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal((byte[])[.. "PK\u0003\u0004"u8, .. html], await response.Content.ReadAsByteArrayAsync(Ct));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var audited = await db.Set<AuditRecord>().Where(r => r.Action == "attachment-download" && r.Subject == $"incident {id}").ToListAsync(Ct);
        Assert.Contains(attachmentId, Assert.Single(audited).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_Outsiders_GetNotFound_AndUnknownAttachmentIsNotFound()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var form = Multipart(Report(), ("a.log", "x\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(slug, form)).Status);
        var id = await OnlyIncidentAsync(maintainer, slug);
        var attachmentId = (string)(await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["id"]!;
        var (outsider, _) = await factory.CreateUserClientAsync(admin: false);

        await outsider.GetJsonAsync($"/api/v1/incidents/{id}/attachments", HttpStatusCode.NotFound);
        await outsider.GetJsonAsync($"/api/v1/incidents/{id}/attachments/{attachmentId}", HttpStatusCode.NotFound);
        await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        using var anonymous = await factory.CreateClient().GetAsync(new Uri($"/api/v1/incidents/{id}/attachments/{attachmentId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Portal_AddsFilesLater_WithinTheReportsLimits()
    {
        factory.RequireDatabase();
        var (maintainer, slug) = await ProjectAsync();
        using var first = Multipart(Report(), ("1.log", "a\n"u8.ToArray()), ("2.log", "b\n"u8.ToArray()), ("3.log", "c\n"u8.ToArray()));
        var (_, receipt, _) = await SubmitAsync(slug, first);
        var token = (string)receipt["token"]!;

        async Task<(HttpStatusCode, string)> AttachAsync(params (string, byte[])[] files)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/attachments") { Content = Multipart(null, files) };
            request.Headers.Add("X-Reporter-Token", token);
            using var response = await factory.CreateClient().SendAsync(request, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }

        var (added, addedText) = await AttachAsync(("later.png", Png));
        Assert.True(added == HttpStatusCode.Created, addedText);
        Assert.Equal("png", (string?)JsonNode.Parse(addedText)!.AsArray().Single()!["type"]);
        var (refused, refusedText) = await AttachAsync(("5.log", "e\n"u8.ToArray()), ("6.log", "f\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("'6.log' is one too many", refusedText, StringComparison.Ordinal);
        Assert.Contains("already has 4", refusedText, StringComparison.Ordinal);

        var id = await OnlyIncidentAsync(maintainer, slug);
        Assert.Equal(4, (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Count);
        var timeline = (await maintainer.GetJsonAsync($"/api/v1/incidents/{id}/timeline")).AsArray().Select(e => (string)e!["text"]!);
        Assert.Contains("The reporter attached later.png", timeline);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/attachments") { Content = Multipart(null, ("x.log", "x"u8.ToArray())) };
        wrong.Headers.Add("X-Reporter-Token", new string('A', 43));
        using var notFound = await factory.CreateClient().SendAsync(wrong, Ct);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }
}

public sealed class SqliteAttachmentApiTests(SqliteFactory factory) : AttachmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAttachmentApiTests(PostgresFactory factory) : AttachmentApiTests(factory), IClassFixture<PostgresFactory>;
