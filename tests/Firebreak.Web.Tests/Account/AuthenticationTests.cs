using System.Net;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Account;

public class AuthenticationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The API endpoints that are deliberately public: report intake and the reporter's portal
    /// (which authorises by the capability token instead). Anything else anonymous is a breach.
    /// </summary>
    private static readonly string[] PublicApi =
    [
        "POST /api/v1/projects/{slug}/reports",
        "GET /api/v1/portal",
        "POST /api/v1/portal/messages",
        "PUT /api/v1/portal/credit",
        "POST /api/v1/portal/attachments",
    ];

    /// <summary>Every API route from the routing table, with its methods and sample route values.</summary>
    public static IEnumerable<(string Method, string Path)> ApiRoutes(IServiceProvider services, bool includePublic = false) =>
        ApiEndpoints(services)
            .Where(e => includePublic || !e.Anonymous)
            .Select(e => (e.Method, Sample(e.Pattern)));

    private static IEnumerable<(string Method, string Pattern, bool Anonymous)> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'), e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)));

    [Fact]
    public void AnonymousApiEndpoints_AreExactlyTheDeliberatelyPublicOnes()
    {
        factory.RequireDatabase();
        var anonymous = ApiEndpoints(factory.Services).Where(e => e.Anonymous).Select(e => $"{e.Method} {e.Pattern}").Order(StringComparer.Ordinal);
        Assert.Equal(PublicApi.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task PublicApiEndpoints_WithoutCredentials_AnswerClientErrorsNot401Or500()
    {
        factory.RequireDatabase();
        var client = factory.CreateClient();
        foreach (var (method, path) in ApiRoutes(factory.Services, includePublic: true).Where(r => PublicApi.Any(p => p.StartsWith(r.Method + " ", StringComparison.Ordinal) && Sample(p[(r.Method.Length + 1)..]) == r.Path)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, Ct);
            Assert.True((int)response.StatusCode is >= 400 and < 500 and not 401, $"{method} {path} answered {(int)response.StatusCode} without credentials");
        }
    }

    private static string Sample(string pattern) => "/" + string.Join('/', pattern.TrimStart('/').Split('/').Select(segment =>
        !segment.StartsWith('{') ? segment
        : segment.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
        : "sample"));

    [Fact]
    public async Task EveryApiEndpoint_WithoutToken_Answers401()
    {
        factory.RequireDatabase();
        var client = factory.CreateClient();
        var routes = ApiRoutes(factory.Services).ToList();
        Assert.True(routes.Count >= 14, $"only {routes.Count} API routes found");

        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a token");
        }
    }

    [Fact]
    public async Task EveryApiEndpoint_WithRevokedOrForgedToken_Answers401()
    {
        var (client, _) = await factory.CreateUserClientAsync(admin: true);
        var tokens = await client.GetJsonAsync("/api/v1/tokens");
        var id = (string)tokens[0]!["id"]!;
        await client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/tokens/{id}", null, HttpStatusCode.NoContent);

        await client.GetJsonAsync("/api/v1/projects", HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "fbk_" + new string('A', 43));
        await client.GetJsonAsync("/api/v1/projects", HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/projects")]
    [InlineData("/playbooks")]
    [InlineData("/account")]
    public async Task Pages_Anonymous_RedirectToLogin(string path)
    {
        factory.RequireDatabase();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_IsOkWithStrictHeaders()
    {
        factory.RequireDatabase();
        using var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiRoute()
    {
        factory.RequireDatabase();
        var document = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[] { "/api/v1/projects", "/api/v1/projects/{slug}/incidents", "/api/v1/incidents/{id}",
                     "/api/v1/incidents/{id}/timeline", "/api/v1/incidents/{id}/steps/{stepId}/decide", "/api/v1/playbooks/{playbookId}" })
        {
            Assert.Contains(route, paths);
        }
        // The report submission reads its body itself (JSON, or multipart with files); the document still says so.
        var body = document["paths"]!["/api/v1/projects/{slug}/reports"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "multipart/form-data"], body.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(body["multipart/form-data"]!["schema"]!["properties"]!["files"]);
        foreach (var advisory in new[] { "/api/v1/incidents/{id}/advisory", "/api/v1/incidents/{id}/advisory/approve", "/api/v1/incidents/{id}/disclosure" })
        {
            Assert.Contains(advisory, paths);
        }
    }

    [Fact]
    public async Task Setup_WithoutValidToken_IsNotFound()
    {
        factory.RequireDatabase();
        using var response = await factory.CreateClient().GetAsync(new Uri("/setup?token=guess", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
