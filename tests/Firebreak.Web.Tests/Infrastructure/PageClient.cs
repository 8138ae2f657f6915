using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>A signed-in browser without a browser: cookies, antiforgery tokens taken from the page, form posts.</summary>
public sealed partial class PageClient(HttpClient client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Http { get; } = client;

    /// <summary>Creates an account and signs in through the login form.</summary>
    public static async Task<PageClient> SignInAsync(FirebreakFactory factory, bool admin, string? email = null)
    {
        factory.RequireDatabase();
        email ??= $"page-{Guid.NewGuid():N}@example.test";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, "correct horse battery", admin);
        }
        var page = new PageClient(factory.CreatePageHttpClient());
        var response = await page.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return page;
    }

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Posts a form the way the page would: with the antiforgery token the page was rendered with.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string action, Dictionary<string, string> fields, bool withToken = true)
    {
        var html = await GetHtmlAsync(pagePath);
        if (withToken) fields["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
