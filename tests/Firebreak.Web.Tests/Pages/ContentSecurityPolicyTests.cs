using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firebreak.Web.Tests.Pages;

/// <summary>Scripts run only with this response's nonce, the nonce is new every request, and no page carries inline script.</summary>
public sealed partial class ContentSecurityPolicyTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Nonce, string Html, string Policy)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy);
        Assert.True(nonce.Success, $"{path}: no nonce in {policy}");
        return (nonce.Groups[1].Value, await response.Content.ReadAsStringAsync(Ct), policy);
    }

    [Fact]
    public async Task Policy_CarriesAFreshNonce_EqualToTheScriptTagsNonce()
    {
        factory.RequireDatabase();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (first, html, policy) = await GetAsync(client, "/account/login");
        var (second, _, _) = await GetAsync(client, "/account/login");

        Assert.NotEqual(first, second);
        Assert.Equal(16, Convert.FromBase64String(Padded(first)).Length);
        foreach (var directive in new[] { "script-src 'self' 'nonce-", "'strict-dynamic'", "style-src 'self'", "object-src 'none'",
                     "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'" })
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{first}\"", tag, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account")]
    [InlineData("/account/2fa")]
    [InlineData("/account/confirm")]
    [InlineData("/projects")]
    [InlineData("/playbooks")]
    [InlineData("/admin/audit")]
    public async Task Page_HasNoInlineScript_AndEveryScriptCarriesTheNonce(string path)
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (nonce, html, _) = await GetAsync(page.Http, path);

        foreach (var tag in ScriptTag().Matches(html).Select(m => m.Value))
        {
            Assert.Matches("\\ssrc=\"[^\"]+\"", tag);
            Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html.Replace("data-on", "", StringComparison.Ordinal));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Padded(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);

    [GeneratedRegex("'nonce-([A-Za-z0-9_-]+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
