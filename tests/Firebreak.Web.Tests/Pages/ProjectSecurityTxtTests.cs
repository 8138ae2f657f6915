using System.Net;
using Firebreak.Domain.Disclosure;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Pages;

/// <summary>Each project's RFC 9116 file: generated from its contacts and report form, valid by the RFC 9116 validator.</summary>
public sealed class ProjectSecurityTxtTests : IAsyncLifetime
{
    // Served behind TLS at a public address, as in production; RFC 9116 allows only https web contacts.
    private readonly SqliteFactory factory = new() { Settings = { ["Firebreak:PublicUrl"] = "https://firebreak.example" } };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectSecurityTxt_ListsContactsAndTheReportForm_AndValidates()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"t{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Texty", securityContacts = new[] { "security@texty.example", "https://texty.example/security", "http://texty.example/old" } }, HttpStatusCode.Created);

        using var response = await factory.CreateClient().GetAsync(new Uri($"/p/{slug}/.well-known/security.txt", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Contact: mailto:security@texty.example", text, StringComparison.Ordinal);
        Assert.Contains("Contact: https://texty.example/security\n", text, StringComparison.Ordinal); // as given, not mailto:https//…
        Assert.DoesNotContain("texty.example/old", text, StringComparison.Ordinal); // RFC 9116 allows no http contact
        Assert.Contains($"Contact: https://firebreak.example/p/{slug}/report", text, StringComparison.Ordinal);
        Assert.Contains($"Canonical: https://firebreak.example/p/{slug}/.well-known/security.txt", text, StringComparison.Ordinal);
        Assert.Contains($"Acknowledgments: https://firebreak.example/p/{slug}/thanks", text, StringComparison.Ordinal);
        Assert.Contains($"Policy: https://firebreak.example/p/{slug}/policy", text, StringComparison.Ordinal);
        var policy = await (await factory.CreateClient().GetAsync(new Uri($"/p/{slug}/policy", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("We acknowledge your report within <strong>1d</strong>", policy, StringComparison.Ordinal);
        Assert.Contains("Under active exploitation we disclose within <strong>7d</strong>", policy, StringComparison.Ordinal);
        Assert.Contains($"CSAF: https://firebreak.example/p/{slug}/.well-known/csaf/provider-metadata.json", text, StringComparison.Ordinal);
        Assert.Contains("Expires: 2027-05-23T09:00:00.000Z", text, StringComparison.Ordinal); // the fake clock + 180 days
        Assert.DoesNotContain(SecurityTxtValidator.Validate(text, factory.Clock.GetUtcNow()), i => i.IsError);
    }

    [Fact]
    public async Task ProjectSecurityTxt_UnknownProjectOrNoWayToReachIt_IsNotFound()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"c{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Closed" }, HttpStatusCode.Created);
        await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/projects/{slug}/intake", new { accepting = false }, HttpStatusCode.OK);

        using var closed = await factory.CreateClient().GetAsync(new Uri($"/p/{slug}/.well-known/security.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        using var unknown = await factory.CreateClient().GetAsync(new Uri("/p/no-such-project/.well-known/security.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
