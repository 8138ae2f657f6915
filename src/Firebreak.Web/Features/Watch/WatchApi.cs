using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
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

    private static async Task<Results<Ok<ManifestJson[]>, NotFound>> Manifests(string slug, ProjectAccess access, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var list = await db.Set<WatchedManifest>().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ManifestJson.From).ToArray());
    }

    private static async Task<Results<Ok<FindingJson[]>, NotFound>> Findings(string slug, bool? kev, string? severity, bool? releasePath,
        bool? resolved, ProjectAccess access, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var filter = new FindingFilter(kev, severity, releasePath, resolved ?? false);
        var rows = await filter.Apply(db.Set<DependencyFinding>().Where(f => f.ProjectId == project.Id)).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(r => r.KevCve is not null).ThenBy(r => r.Severity).ThenBy(r => r.Component, StringComparer.Ordinal)
            .Select(FindingJson.From).ToArray());
    }
}
