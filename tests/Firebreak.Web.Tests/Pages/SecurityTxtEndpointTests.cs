using System.Net;
using Firebreak.Domain.Disclosure;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

public class SecurityTxtEndpointTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecurityTxt_Configured_IsServedPubliclyAndValid()
    {
        factory.RequireDatabase();
        using var configured = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("SecurityTxt:Contact:0", "mailto:security@example.org");
            b.UseSetting("SecurityTxt:Contact:1", "https://example.org/report");
            b.UseSetting("SecurityTxt:Policy", "https://example.org/security-policy");
            b.UseSetting("SecurityTxt:PreferredLanguages", "en, fr");
        });
        using var response = await configured.CreateClient().GetAsync(new Uri("/.well-known/security.txt", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Contact: mailto:security@example.org\n", text, StringComparison.Ordinal);
        Assert.Contains("Policy: https://example.org/security-policy\n", text, StringComparison.Ordinal);
        Assert.Empty(SecurityTxtValidator.Validate(text, factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task SecurityTxt_NotConfigured_IsNotFound()
    {
        factory.RequireDatabase();
        using var response = await factory.CreateClient().GetAsync(new Uri("/.well-known/security.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
