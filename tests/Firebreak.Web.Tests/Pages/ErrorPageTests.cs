using System.Net;
using Firebreak.Domain.Common;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Pages;

/// <summary>
/// Browsers asking for a missing page, a refused one or one that fails get an HTML page in the site's layout with a
/// way back, and no exception detail; API clients (/api/**, or Accept naming JSON, or no Accept) keep problem+json.
/// </summary>
public sealed class ErrorPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private const string Secret = "secret-internal-detail";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A stand-in for a bug or a rule broken outside any handler: a filter that throws when a request asks it to.</summary>
    private sealed class ExplodingFilter : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            switch (context.HttpContext.Request.Headers["X-Test-Explode"].ToString())
            {
                case "bug": throw new InvalidOperationException(Secret);
                case "rule": throw new DomainException("An incident needs a title.");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context) { }
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Body)> SendAsync(HttpClient client, HttpMethod method, string path,
        string? accept, string? explode = null, string? referrer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (explode is not null) request.Headers.Add("X-Test-Explode", explode);
        if (referrer is not null) request.Headers.Referrer = new Uri(referrer);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
    }

    private static void AssertHtmlPage((HttpStatusCode Status, string? Type, string Body) answer, HttpStatusCode expected)
    {
        Assert.Equal(expected, answer.Status);
        Assert.Equal("text/html", answer.Type);
        Assert.Contains($"data-status=\"{(int)expected}\"", answer.Body, StringComparison.Ordinal);
        Assert.Contains("<header class=\"top\">", answer.Body, StringComparison.Ordinal); // the site's layout
        Assert.Contains("id=\"problem-home\" href=\"/\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPage_Browser_GetsA404PageInTheLayout_AndJsonClientsKeepProblemDetails()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);

        AssertHtmlPage(await SendAsync(page.Http, HttpMethod.Get, "/projects/no-such-project/settings", Browser), HttpStatusCode.NotFound);
        AssertHtmlPage(await SendAsync(page.Http, HttpMethod.Get, "/no/such/page", Browser), HttpStatusCode.NotFound);
        foreach (var (path, accept) in new[] { ("/no/such/page", "application/json"), ("/no/such/page", "application/problem+json, text/html"),
            ("/no/such/page", null), ("/api/v1/no-such-thing", Browser), ("/projects/no-such-project/settings", "application/json") })
        {
            var answer = await SendAsync(page.Http, HttpMethod.Get, path, accept);
            Assert.True(answer is (HttpStatusCode.NotFound, "application/problem+json", _), $"{path} ({accept}): {answer}");
        }
    }

    [Fact]
    public async Task Refused_Browser_GetsA403Page_WithAWayBackToTheSitesPageItCameFrom()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"ep{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Errors" }, HttpStatusCode.Created);
        var email = $"board-{Guid.NewGuid():N}@example.test";
        var board = await PageClient.SignInAsync(factory, admin: false, email);
        await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "board" }, HttpStatusCode.NoContent);

        var refused = await SendAsync(board.Http, HttpMethod.Get, "/admin/audit", Browser, referrer: $"http://localhost/projects/{slug}/settings");
        AssertHtmlPage(refused, HttpStatusCode.Forbidden);
        Assert.Contains($"href=\"/projects/{slug}/settings\" id=\"problem-back\"", refused.Body, StringComparison.Ordinal);
        var elsewhere = await SendAsync(board.Http, HttpMethod.Get, "/admin/audit", Browser, referrer: "https://attacker.example/x");
        Assert.DoesNotContain("problem-back", elsewhere.Body, StringComparison.Ordinal);
        Assert.True(await SendAsync(board.Http, HttpMethod.Get, "/admin/audit", "application/json") is (HttpStatusCode.Forbidden, "application/problem+json", _));
    }

    [Fact]
    public async Task Failure_Browser_GetsA500PageWithoutDetails_AndJsonClientsProblemDetailsWithoutThem()
    {
        await using var exploding = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new ExplodingFilter()))));
        var client = exploding.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var html = await SendAsync(client, HttpMethod.Get, "/account/login", Browser, explode: "bug");
        AssertHtmlPage(html, HttpStatusCode.InternalServerError);
        var json = await SendAsync(client, HttpMethod.Get, "/account/login", "application/json", explode: "bug");
        Assert.Equal((HttpStatusCode.InternalServerError, "application/problem+json"), (json.Status, json.Type));
        foreach (var body in new[] { html.Body, json.Body })
        {
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RuleBrokenOutsideAHandler_Browser_GetsA422PageWithTheRule()
    {
        await using var exploding = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new ExplodingFilter()))));
        var client = exploding.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var html = await SendAsync(client, HttpMethod.Get, "/account/login", Browser, explode: "rule");

        AssertHtmlPage(html, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("An incident needs a title.", html.Body, StringComparison.Ordinal);
        Assert.True(await SendAsync(client, HttpMethod.Get, "/account/login", null, explode: "rule") is (HttpStatusCode.UnprocessableEntity, "application/problem+json", _));
    }

    [Fact]
    public async Task UnknownHandler_IsNotFound_AndAPostToAPageThatTakesNone_IsNotAllowed()
    {
        var page = await PageClient.SignInAsync(factory, admin: true);
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"eh{Guid.NewGuid():N}"[..14];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Handlers" }, HttpStatusCode.Created);

        // Without the refusal, the page would render with nothing loaded: a 500.
        using var bogus = await page.PostFormAsync($"/projects/{slug}/settings", $"/projects/{slug}/settings?handler=Bogus", []);
        Assert.Equal(HttpStatusCode.NotFound, bogus.StatusCode);
        using var dashboard = await page.PostFormAsync("/", "/", []);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, dashboard.StatusCode);
    }
}
