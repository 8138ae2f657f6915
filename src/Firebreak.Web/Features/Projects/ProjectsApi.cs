using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

internal static class ProjectsApi
{
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateProject>();
        builder.Services.AddScoped<AddMember>();
        builder.Services.AddScoped<ChangePublishing>();
        builder.Services.AddScoped<ChangePolicy>();
        return builder;
    }

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", Create).RequireAuthorization(AuthSetup.AdminPolicy).RequirePermission(Permission.InstanceAdmin);
        projects.MapGet("/", List).RequirePermission(Permission.SignedIn);
        projects.MapGet("/{slug}", Get).RequirePermission(Permission.ProjectRead);
        projects.MapPut("/{slug}/policy", UpdatePolicy).RequirePermission(Permission.ProjectAdmin);
        projects.MapPut("/{slug}/publishing", ChangePublishing).RequirePermission(Permission.ProjectAdmin);
        projects.MapPost("/{slug}/members", AddMember).RequirePermission(Permission.ProjectAdmin).RequireRecentSignIn();
        projects.MapGet("/{slug}/members", Members).RequirePermission(Permission.ProjectRead);
        return api;
    }

    private static async Task<Created<ProjectJson>> Create(CreateProjectRequest request, CreateProject useCase, CancellationToken ct)
    {
        var project = await useCase.ExecuteAsync(request, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Slug}", ProjectJson.From(project));
    }

    /// <summary>One page of the projects the caller sees, by slug (<c>page</c> from 1, <c>limit</c> up to 200, by default 50), with <c>X-Total-Count</c> and <c>Link</c>.</summary>
    private static async Task<Ok<ProjectJson[]>> List(string? page, string? limit, ProjectAccess access, HttpContext http, CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit);
        var list = await access.VisibleProjects().AsNoTracking().OrderBy(p => p.Slug).ToPagedAsync(paging, ct);
        PageLinks.Write(http, list);
        return TypedResults.Ok(list.Items.Select(ProjectJson.From).ToArray());
    }

    private static async Task<Results<Ok<ProjectJson>, NotFound>> Get(string slug, ProjectAccess access, CancellationToken ct) =>
        await access.FindProjectAsync(slug, ct) is { } project ? TypedResults.Ok(ProjectJson.From(project)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProjectJson>, NotFound>> UpdatePolicy(string slug, PolicyDocument policy,
        ProjectAccess access, ChangePolicy change, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        await change.ExecuteAsync(project, policy.ToPolicy(), ct);
        return TypedResults.Ok(ProjectJson.From(project));
    }

    private static async Task<Results<Ok<ProjectJson>, NotFound>> ChangePublishing(string slug, PublishingRequest request,
        ProjectAccess access, ChangePublishing useCase, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        await useCase.ExecuteAsync(project, request.Packages, request.CveOrgId, ct);
        return TypedResults.Ok(ProjectJson.From(project));
    }

    private static async Task<Results<NoContent, NotFound>> AddMember(string slug, AddMemberRequest request,
        ProjectAccess access, AddMember useCase, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        await useCase.ExecuteAsync(project, request.Email, request.Role, ct);
        return TypedResults.NoContent();
    }

    /// <summary>One page of the project's members by e-mail address (then account id, to make the order total), paged like <see cref="List"/>.</summary>
    private static async Task<Results<Ok<MemberJson[]>, NotFound>> Members(string slug, string? page, string? limit, ProjectAccess access, FirebreakDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit);
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == project.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.Id, m.Role, m.AddedAt })
            .OrderBy(m => m.Email).ThenBy(m => m.Id).ToPagedAsync(paging, ct);
        PageLinks.Write(http, members);
        return TypedResults.Ok(members.Items.Select(m => new MemberJson(m.Email ?? "", Firebreak.Domain.Common.WireNames.ToWire(m.Role), m.AddedAt)).ToArray());
    }
}

internal sealed record MemberJson(string Email, string Role, DateTime AddedAt);
