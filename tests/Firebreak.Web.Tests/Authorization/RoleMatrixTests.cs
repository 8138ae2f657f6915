using System.Net;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Authorization;

/// <summary>
/// Every API endpoint from the routing table, tried by every kind of caller, reads and writes:
/// anonymous, a reporter's capability link, each project role, an incident collaborator, another
/// project's administrator and an instance administrator. The expected outcome comes from the
/// role table as the issue states it (<see cref="RoleSpec"/>).
/// </summary>
public abstract class RoleMatrixTests(FirebreakFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Caller(string Name, HttpClient Client, string? ProjectRole, bool Collaborator, bool InstanceAdmin, bool Anonymous);

    private sealed record Route(string Method, string Pattern, Permission? Permission, bool Public);

    private static IEnumerable<Route> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Route(m,
                "/" + e.RoutePattern.RawText!.Trim('/'), e.Metadata.GetMetadata<RequiresPermissionAttribute>()?.Permission,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)));

    [Fact]
    public void EveryApiEndpoint_DeclaresAPermissionOrIsDeliberatelyPublic()
    {
        factory.RequireDatabase();
        var routes = Routes(factory.Services).ToList();
        Assert.True(routes.Count >= 30, $"only {routes.Count} API routes found");
        var undeclared = routes.Where(r => r.Permission is null && !r.Public).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a permission: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task EveryEndpoint_EveryCaller_GetsWhatTheRoleTableSays()
    {
        var (admin, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"m{Guid.NewGuid():N}"[..16];
        var other = $"o{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Matrix" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/v1/projects", new { slug = other, name = "Elsewhere" }, HttpStatusCode.Created);
        using var report = Intake.AttachmentApiTests.Multipart(new { title = "Matrix report" }, ("matrix.log", "a line\n"u8.ToArray()));
        using var submitted = await factory.CreateClient().PostAsync(new Uri($"/api/v1/projects/{slug}/reports", UriKind.Relative), report, Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = System.Text.Json.Nodes.JsonNode.Parse(await submitted.Content.ReadAsStringAsync(Ct))!;
        var incident = (await admin.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!;
        var id = (string)incident["id"]!;
        var attachmentId = (string)(await admin.GetJsonAsync($"/api/v1/incidents/{id}/attachments")).AsArray().Single()!["id"]!; // so that downloading it is a real read
        var stepId = (string)incident["playbooks"]![0]!["steps"]![0]!["id"]!;
        using (var advisory = new StringContent(Disclosure.AdvisoryApiTests.Advisory, System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await admin.PutAsync(new Uri($"/api/v1/incidents/{id}/advisory", UriKind.Relative), advisory, Ct))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // so that reading it is a real read, not "none yet"
        await admin.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = "Matrix risk", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1 },
            HttpStatusCode.Created); // RISK-001, so that reading and changing it reach a real entry

        var callers = new List<Caller> { new("instance admin", admin, null, false, true, false), new("anonymous", factory.CreateClient(), null, false, false, true) };
        var reporter = factory.CreateClient();
        reporter.DefaultRequestHeaders.Add("X-Reporter-Token", (string)receipt["token"]!);
        callers.Add(new("reporter link", reporter, null, false, false, true));
        foreach (var role in RoleSpec.Roles.Keys)
        {
            var (client, email) = await factory.CreateUserClientAsync(admin: false);
            await admin.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
            callers.Add(new(role, client, role, false, false, false));
        }
        var (collaborator, collaboratorEmail) = await factory.CreateUserClientAsync(admin: false);
        await admin.PostJsonAsync($"/api/v1/incidents/{id}/collaborators", new { email = collaboratorEmail }, HttpStatusCode.NoContent);
        callers.Add(new("collaborator", collaborator, null, true, false, false));
        var (outsider, outsiderEmail) = await factory.CreateUserClientAsync(admin: false);
        await admin.PostJsonAsync($"/api/v1/projects/{other}/members", new { email = outsiderEmail, role = "admin" }, HttpStatusCode.NoContent);
        callers.Add(new("other project's admin", outsider, null, false, false, false));

        var itemId = await ActionItemAsync(admin, slug, id);

        var violations = new List<string>();
        var checkedCount = 0;
        foreach (var route in Routes(factory.Services).Where(r => !r.Public))
        {
            var path = route.Pattern.Replace("{slug}", slug, StringComparison.Ordinal).Replace("{id:guid}", route.Pattern.Contains("/incidents/", StringComparison.Ordinal) ? id : Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{stepId}", stepId, StringComparison.Ordinal).Replace("{playbookId}", "reported-vulnerability", StringComparison.Ordinal)
                .Replace("{email}", "nobody@example.test", StringComparison.Ordinal).Replace("{attachmentId:guid}", attachmentId, StringComparison.Ordinal)
                .Replace("{itemId:guid}", itemId, StringComparison.Ordinal)
                .Replace("{riskId}", "RISK-001", StringComparison.Ordinal)
                .Replace("{channelId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{cveId}", "CVE-2026-0001", StringComparison.Ordinal).Replace("{callId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            // A 404 can be the handler's own answer when a route value other than the project or incident names nothing.
            var otherObject = route.Pattern.Contains("{email}", StringComparison.Ordinal) || route.Pattern.Contains("{channelId:guid}", StringComparison.Ordinal)
                || route.Pattern.Contains("{callId:guid}", StringComparison.Ordinal) || (route.Pattern.Contains("{id:guid}", StringComparison.Ordinal) && !route.Pattern.Contains("/incidents/", StringComparison.Ordinal));
            foreach (var caller in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                using var response = await caller.Client.SendAsync(request, Ct);
                checkedCount++;
                var status = (int)response.StatusCode;
                var expected = Expect(route.Permission!.Value, caller);
                var ok = expected switch
                {
                    HttpStatusCode.OK => status is not (401 or 403 or 500) && (status != 404 || otherObject),
                    _ => status == (int)expected,
                };
                if (!ok) violations.Add($"{caller.Name}: {route.Method} {route.Pattern} ({route.Permission}) answered {status}, expected {(expected == HttpStatusCode.OK ? "allowed" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} of {checkedCount} checks broke the role table:\n" + string.Join("\n", violations));
    }

    /// <summary>An action item on the incident, owned by a member added for it, so that the item routes name a real one.</summary>
    private async Task<string> ActionItemAsync(HttpClient admin, string slug, string incident)
    {
        var (_, email) = await factory.CreateUserClientAsync(admin: false);
        await admin.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role = "reviewer" }, HttpStatusCode.NoContent);
        var item = await admin.PostJsonAsync($"/api/v1/incidents/{incident}/action-items",
            new { title = "Matrix follow-up", owner = email, dueAt = factory.Clock.GetUtcNow().AddDays(30) }, HttpStatusCode.Created);
        return (string)item["id"]!;
    }

    /// <summary>OK means "let through" (the handler may still refuse the empty body); otherwise the exact refusal.</summary>
    private static HttpStatusCode Expect(Permission permission, Caller caller) =>
        caller.Anonymous ? HttpStatusCode.Unauthorized
        : RoleSpec.Expect(permission, caller.InstanceAdmin, caller.ProjectRole, caller.Collaborator) is var status and not 0 ? (HttpStatusCode)status
        : HttpStatusCode.OK;
}

public sealed class SqliteRoleMatrixTests(SqliteFactory factory) : RoleMatrixTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRoleMatrixTests(PostgresFactory factory) : RoleMatrixTests(factory), IClassFixture<PostgresFactory>;
