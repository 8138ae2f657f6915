using System.Net.Http.Headers;
using System.Net;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Authorization;

/// <summary>API tokens scoped to one project and a role: nothing outside the project, nothing beyond the role, never the instance.</summary>
public sealed class ScopedTokenTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task ReviewerScopedTokenOfAnAdmin_WorksOnlyInItsProjectAndOnlyAsReviewer()
    {
        var (admin, email) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"s{Guid.NewGuid():N}"[..16];
        var other = $"o{Guid.NewGuid():N}"[..16];
        await admin.PostJsonAsync("/api/v1/projects", new { slug, name = "Scoped" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/v1/projects", new { slug = other, name = "Other" }, HttpStatusCode.Created);
        var incident = await admin.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "Scoped work", severity = "low" }, HttpStatusCode.Created);
        var id = (string)incident["id"]!;

        string secret;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
            var user = db.Users.Single(u => u.Email == email);
            var project = db.Projects.Single(p => p.Slug == slug).Id;
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "ci reviewer", TestContext.Current.CancellationToken, project, AccessRole.Reviewer);
        }
        using var token = factory.CreateClient();
        token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        await token.GetJsonAsync($"/api/v1/incidents/{id}");
        await token.PatchJsonAsync($"/api/v1/incidents/{id}", new { note = "reviewed the fix" });
        await token.SendJsonAsync(HttpMethod.Patch, $"/api/v1/incidents/{id}", new { severity = "critical" }, HttpStatusCode.Forbidden);
        await token.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "other", title = "no", severity = "low" }, HttpStatusCode.Forbidden);
        await token.GetJsonAsync($"/api/v1/projects/{other}", HttpStatusCode.NotFound);
        await token.PostJsonAsync("/api/v1/projects", new { slug = "nope-nope", name = "No" }, HttpStatusCode.Forbidden);
        await token.GetJsonAsync("/api/v1/outbox", HttpStatusCode.Forbidden);
        var visible = (await token.GetJsonAsync("/api/v1/projects")).AsArray().Select(p => (string)p!["slug"]!);
        Assert.Equal([slug], visible);
    }

    [Fact]
    public async Task Create_ScopedToAProjectWithoutARole_IsRefused()
    {
        var (_, email) = await factory.CreateUserClientAsync(admin: true);
        var (other, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"n{Guid.NewGuid():N}"[..16];
        await other.PostJsonAsync("/api/v1/projects", new { slug, name = "Not mine" }, HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Firebreak.Web.Data.FirebreakDbContext>();
        var user = db.Users.Single(u => u.Email == email);
        var project = db.Projects.Single(p => p.Slug == slug).Id;
        var error = await Assert.ThrowsAsync<Firebreak.Domain.Common.DomainException>(() =>
            scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "x", TestContext.Current.CancellationToken, project, AccessRole.Admin));
        Assert.Contains("have a role in", error.Message, StringComparison.Ordinal);
    }
}
