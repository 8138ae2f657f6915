using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>Watched manifests and their findings: <c>/projects/{slug}/manifests</c>, <c>/projects/{slug}/findings</c>.</summary>
internal static class WatchApi
{
    public static WebApplicationBuilder AddWatch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdvisoryLibrary>();
        builder.Services.Configure<WatchOptions>(builder.Configuration.GetSection("Watch"));
        builder.Services.AddScoped<CheckManifest>();
        builder.Services.AddScoped<RegisterManifest>();
        builder.Services.AddScoped<CheckDueManifests>();
        builder.Services.AddScoped<MatchAdvisory>();
        builder.Services.AddScoped<WatchSummary>();
        builder.Services.AddHostedService<WatchWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapWatchApi(this RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{slug}").WithTags("Watch");
        project.MapPut("/manifests", Register).RequirePermission(Permission.IncidentOpen);
        project.MapGet("/manifests", Manifests).RequirePermission(Permission.ProjectRead);
        project.MapGet("/findings", Findings).RequirePermission(Permission.ProjectRead);
        return api;
    }

    private static async Task<Results<Ok<RegisteredJson>, NotFound>> Register(string slug, ManifestRequest request, ProjectAccess access,
        RegisterManifest register, CurrentUser user, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var (manifest, opened) = await register.ExecuteAsync(project, request, user.Name, ct);
        var findings = await db.Set<DependencyFinding>().Where(f => f.ManifestId == manifest.Id && f.ResolvedAt == null).ToListAsync(ct);
        return TypedResults.Ok(new RegisteredJson(ManifestJson.From(manifest), [.. findings.Select(FindingJson.From)], [.. opened.Select(i => i.Id)]));
    }

    /// <summary>One page of the project's manifests by name (<c>page</c> from 1, <c>limit</c> up to 200, by default 50), with <c>X-Total-Count</c> and <c>Link</c>.</summary>
    private static async Task<Results<Ok<ManifestJson[]>, NotFound>> Manifests(string slug, string? page, string? limit, ProjectAccess access, FirebreakDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit);
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var list = await db.Set<WatchedManifest>().AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ThenBy(m => m.Id).ToPagedAsync(paging, ct);
        PageLinks.Write(http, list);
        return TypedResults.Ok(list.Items.Select(ManifestJson.From).ToArray());
    }

    /// <summary>One page of the findings in their list order (see <see cref="FindingFilter.InListOrder"/>), the filters kept in the <c>Link</c> header.</summary>
    private static async Task<Results<Ok<FindingJson[]>, NotFound>> Findings(string slug, bool? kev, string? severity, bool? releasePath,
        bool? resolved, string? page, string? limit, ProjectAccess access, FirebreakDbContext db, HttpContext http, CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit);
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var filter = new FindingFilter(kev, severity, releasePath, resolved ?? false);
        var rows = await FindingFilter.InListOrder(filter.Apply(db.Set<DependencyFinding>().AsNoTracking().Where(f => f.ProjectId == project.Id))).ToPagedAsync(paging, ct);
        PageLinks.Write(http, rows);
        return TypedResults.Ok(rows.Items.Select(FindingJson.From).ToArray());
    }
}
