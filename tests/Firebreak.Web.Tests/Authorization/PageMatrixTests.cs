using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Authorization;

/// <summary>
/// Every page and every page handler declares its permission (or is deliberately anonymous), and
/// the page filter enforces it: each handler is tried by a project admin, the board, a reviewer,
/// a collaborator and another project's admin, and answers as the role table says.
/// </summary>
public sealed partial class PageMatrixTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Handler(string Route, string Method, string? Name, Permission? Permission, bool Anonymous);

    private async Task<List<Handler>> HandlersAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var handlers = new List<Handler>();
        foreach (var page in pages.GroupBy(p => p.RelativePath).Select(g => g.First()))
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var model = compiled.ModelTypeInfo!;
            var anonymous = model.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            var declared = model.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission;
            var route = "/" + page.AttributeRouteInfo!.Template!;
            handlers.Add(new(route, "GET", null, declared, anonymous));
            foreach (var h in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                handlers.Add(new(route, "POST", h.Name, h.MethodInfo.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission ?? declared, anonymous));
        }
        return handlers;
    }

    [Fact]
    public async Task EveryPageAndHandler_DeclaresAPermissionOrIsDeliberatelyAnonymous()
    {
        factory.RequireDatabase();
        var handlers = await HandlersAsync();
        Assert.True(handlers.Count >= 30, $"only {handlers.Count} page handlers found");
        var undeclared = handlers.Where(h => h.Permission is null && !h.Anonymous).Select(h => $"{h.Method} {h.Route} {h.Name}").ToList();
        Assert.True(undeclared.Count == 0, "Pages without a permission: " + string.Join(", ", undeclared));
        var anonymous = handlers.Where(h => h.Anonymous).Select(h => h.Route).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["/account/external", "/account/login", "/account/login/2fa", "/p/{slug}/advisories", "/p/{slug}/advisories/{advisoryId}", "/p/{slug}/policy",
            "/p/{slug}/report", "/p/{slug}/thanks", "/r/confirm/{token}", "/r/{token}", "/setup"], anonymous);
    }

    [Fact]
    public async Task EveryPageHandler_EveryRole_GetsWhatTheRoleTableSays()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"pm{Guid.NewGuid():N}"[..16];
        var other = $"po{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Page matrix" }, HttpStatusCode.Created);
        await api.PostJsonAsync("/api/v1/projects", new { slug = other, name = "Elsewhere" }, HttpStatusCode.Created);
        await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new { title = "Page matrix report" }, HttpStatusCode.Created);
        var id = (string)(await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents")).AsArray().Single()!["id"]!;
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new { title = "Page matrix risk", categories = new[] { "S" }, asset = "a", threat = "t", likelihood = 1, impact = 1 },
            HttpStatusCode.Created);

        var callers = new List<(string Name, PageClient Client, string? Role, bool Collaborator)>();
        foreach (var role in new[] { "admin", "reviewer", "board" })
        {
            var email = $"{role}-{Guid.NewGuid():N}@example.test";
            var client = await PageClient.SignInAsync(factory, admin: false, email);
            await api.PostJsonAsync($"/api/v1/projects/{slug}/members", new { email, role }, HttpStatusCode.NoContent);
            callers.Add((role, client, role, false));
        }
        var collaboratorEmail = $"collaborator-{Guid.NewGuid():N}@example.test";
        var collaborator = await PageClient.SignInAsync(factory, admin: false, collaboratorEmail);
        await api.PostJsonAsync($"/api/v1/incidents/{id}/collaborators", new { email = collaboratorEmail }, HttpStatusCode.NoContent);
        callers.Add(("collaborator", collaborator, null, true));
        var outsiderEmail = $"outsider-{Guid.NewGuid():N}@example.test";
        var outsider = await PageClient.SignInAsync(factory, admin: false, outsiderEmail);
        await api.PostJsonAsync($"/api/v1/projects/{other}/members", new { email = outsiderEmail, role = "admin" }, HttpStatusCode.NoContent);
        callers.Add(("other project's admin", outsider, null, false));

        var violations = new List<string>();
        var checks = 0;
        foreach (var handler in (await HandlersAsync()).Where(h => !h.Anonymous && h.Route != "/account/logout"))
        {
            var path = RouteValue().Replace(handler.Route, m => m.Groups[1].Value switch
            {
                "slug" => slug, "id" => id, "playbookId" => "reported-vulnerability", "riskId" => "RISK-001", var other => other,
            });
            foreach (var (name, client, role, isCollaborator) in callers)
            {
                var status = handler.Method == "GET"
                    ? (int)(await client.Http.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode
                    : (int)(await client.PostFormAsync("/account", handler.Name is null ? path : $"{path}?handler={handler.Name}", [])).StatusCode;
                checks++;
                var expected = RoleSpec.Expect(handler.Permission!.Value, instanceAdmin: false, role, isCollaborator);
                var ok = expected == 0 ? status is 200 or 302 : status == expected;
                if (!ok) violations.Add($"{name}: {handler.Method} {handler.Route} {handler.Name} ({handler.Permission}) answered {status}, expected {(expected == 0 ? "allowed" : expected)}");
            }
        }
        Assert.True(violations.Count == 0, $"{violations.Count} of {checks} checks broke the role table:\n" + string.Join("\n", violations));
    }

    [GeneratedRegex(@"\{(\w+)(:\w+)?\}")]
    private static partial Regex RouteValue();
}
