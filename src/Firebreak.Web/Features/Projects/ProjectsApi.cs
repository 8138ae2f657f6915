using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

internal static class ProjectsApi
{
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateProject>();
        builder.Services.AddScoped<AddMember>();
        return builder;
    }

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", Create).RequireAuthorization(AuthSetup.AdminPolicy);
        projects.MapGet("/", List);
        projects.MapGet("/{slug}", Get);
        projects.MapPut("/{slug}/policy", UpdatePolicy);
        projects.MapPost("/{slug}/members", AddMember).RequireAuthorization(AuthSetup.AdminPolicy);
        return api;
    }

    private static async Task<Created<ProjectJson>> Create(CreateProjectRequest request, CreateProject useCase, CancellationToken ct)
    {
        var project = await useCase.ExecuteAsync(request, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Slug}", ProjectJson.From(project));
    }

    private static async Task<Ok<ProjectJson[]>> List(ProjectAccess access, CancellationToken ct)
    {
        var list = await access.VisibleProjects().OrderBy(p => p.Slug).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ProjectJson.From).ToArray());
    }

    private static async Task<Results<Ok<ProjectJson>, NotFound>> Get(string slug, ProjectAccess access, CancellationToken ct) =>
        await access.FindProjectAsync(slug, ct) is { } project ? TypedResults.Ok(ProjectJson.From(project)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProjectJson>, NotFound>> UpdatePolicy(string slug, PolicyDocument policy,
        ProjectAccess access, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        project.ChangePolicy(policy.ToPolicy());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectJson.From(project));
    }

    private static async Task<Results<NoContent, NotFound>> AddMember(string slug, AddMemberRequest request,
        ProjectAccess access, AddMember useCase, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        await useCase.ExecuteAsync(project, request.Email, ct);
        return TypedResults.NoContent();
    }
}
