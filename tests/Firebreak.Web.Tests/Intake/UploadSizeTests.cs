using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Intake;

/// <summary>
/// The server on real Kestrel, whose default body limit (4 MiB) is below the attachment limits
/// (here 8 MiB, smaller than the defaults so the test moves less data on a shared machine).
/// </summary>
public sealed class KestrelFactory : SqliteFactory
{
    public KestrelFactory()
    {
        Settings["Intake:MaxAttachmentBytes"] = (8 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Intake:MaxReportAttachmentBytes"] = (8 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private readonly Lock _gate = new();
    private Uri? _address;

    /// <summary>A client of the real server on a loopback port, with cookies.</summary>
    public HttpClient CreateKestrelClient()
    {
        lock (_gate)
        {
            if (_address is null)
            {
                UseKestrel(0);
                StartServer();
                using var first = CreateClient();
                _address = first.BaseAddress!;
            }
        }
        return CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = _address });
    }
}

/// <summary>
/// Uploads over Kestrel: files up to the configured limits get through the API and the form even
/// though they are larger than the server's default body limit, and a body beyond every limit is
/// refused with a client error, never a 500.
/// </summary>
public sealed partial class UploadSizeTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Log(int bytes) => Enumerable.Repeat((byte)'x', bytes).ToArray();

    private async Task<string> ProjectAsync()
    {
        factory.CreateKestrelClient().Dispose();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"k{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Kestrel" }, HttpStatusCode.Created);
        return slug;
    }

    [Fact]
    public async Task Api_SixMiBFile_OverKestrel_IsFiled_BodyPastEveryLimitIsRefused()
    {
        var slug = await ProjectAsync();
        using var client = factory.CreateKestrelClient();
        using (var form = AttachmentApiTests.Multipart(new { title = "Big log" }, ("big.log", Log(6 << 20))))
        using (var response = await client.PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), form, Ct))
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));

        using var huge = AttachmentApiTests.Multipart(new { title = "Too big" }, ("a.log", Log(7 << 20)), ("b.log", Log(7 << 20)));
        try
        {
            using var refused = await client.PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), huge, Ct);
            Assert.True((int)refused.StatusCode is >= 400 and < 500, $"{(int)refused.StatusCode}");
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection before the client has sent the whole body; that is a refusal too.
        }
    }

    [Fact]
    public async Task Form_SixMiBFile_OverKestrel_IsFiled()
    {
        var slug = await ProjectAsync();
        using var client = factory.CreateKestrelClient();
        var page = await client.GetStringAsync(new Uri($"/p/{slug}/report", UriKind.Relative), Ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Big log by form", Encoding.UTF8), "Title" },
            { new StringContent("anonymous"), "Credit" },
            { new ByteArrayContent(Log(6 << 20)), "Attachments", "big.log" },
        };
        using var response = await client.PostAsync(new Uri($"/p/{slug}/report", UriKind.Relative), form, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Contains("1 file(s) attached", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
