using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>A hook's address and its new secret, shown once.</summary>
internal sealed record HookSecretJson(string Url, string Secret);

/// <summary>A hook's state: its address, and when and by whom its secret was last set (null: not set up).</summary>
internal sealed record HookJson(string Url, DateTimeOffset? SecretSetAt, string? SecretSetBy);

internal sealed record DeliveryJson(Guid Id, string Source, string DeliveryId, string Event, string Action, string Outcome, string Verdict,
    Guid? IncidentId, DateTimeOffset ReceivedAt)
{
    public static DeliveryJson From(HookDelivery d) => new(d.Id, d.Source.Name(), d.DeliveryId, d.Event, d.Action, d.Outcome.ToString().ToLowerInvariant(),
        d.Verdict, d.IncidentId, new DateTimeOffset(d.ReceivedAt, TimeSpan.Zero));
}

internal sealed record IntegrationsJson(HookJson GitHub, HookJson Generic, IReadOnlyList<string> AllowedReleasers, IReadOnlyList<DeliveryJson> Deliveries);

internal sealed record ReleasersRequest(IReadOnlyList<string?>? Releasers);

/// <summary>
/// <c>/api/v1/projects/{slug}/integrations</c>: the hooks' state, the allowed releasers and the latest deliveries
/// (ProjectRead); creating or rotating a hook's secret and changing the releasers (ProjectAdmin).
/// </summary>
internal static class IntegrationsApi
{
    public const int ListedDeliveries = 100;

    public static WebApplicationBuilder AddIntegrations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<HookGate>();
        services.AddScoped<IncidentNews>();
        services.AddScoped<DependabotAlerts>();
        services.AddScoped<SecretScanningAlerts>();
        services.AddScoped<RepositoryAdvisories>();
        services.AddScoped<SecurityAdvisories>();
        services.AddScoped<Releases>();
        services.AddScoped<ReceiveGitHubDelivery>();
        services.AddScoped<GenericTrigger>();
        services.AddScoped<RotateHookSecret>();
        services.AddScoped<ChangeReleasers>();
        services.AddScoped<HookUrls>();
        return builder;
    }

    public static RouteGroupBuilder MapIntegrationsApi(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/projects/{slug}/integrations").WithTags("Integrations");
        integrations.MapGet("", Get).RequirePermission(Permission.ProjectRead)
            .WithSummary("The hooks' addresses and state, the allowed releasers, and the latest 100 deliveries.");
        integrations.MapPost("/github", (string slug, ProjectAccess access, RotateHookSecret rotate, CurrentUser user, HookUrls urls, HttpRequest request, CancellationToken ct) =>
            Rotate(slug, HookSource.GitHub, access, rotate, user, urls, request, ct)).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Creates or rotates the GitHub webhook secret; the answer is the only time it is shown.");
        integrations.MapPost("/generic", (string slug, ProjectAccess access, RotateHookSecret rotate, CurrentUser user, HookUrls urls, HttpRequest request, CancellationToken ct) =>
            Rotate(slug, HookSource.Generic, access, rotate, user, urls, request, ct)).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Creates or rotates the generic trigger's secret; the answer is the only time it is shown.");
        integrations.MapPut("/github/releasers", Releasers).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Replaces the GitHub logins allowed to publish releases and push tags; an empty list judges none.");
        return api;
    }

    private static async Task<Results<Ok<IntegrationsJson>, NotFound>> Get(string slug, ProjectAccess access, FirebreakDbContext db, HookUrls urls,
        HttpRequest request, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var row = await db.Set<ProjectIntegration>().AsNoTracking().SingleOrDefaultAsync(i => i.ProjectId == project.Id, ct);
        var deliveries = await db.Set<HookDelivery>().AsNoTracking().Where(d => d.ProjectId == project.Id)
            .OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).Take(ListedDeliveries).ToListAsync(ct);
        return TypedResults.Ok(new IntegrationsJson(Hook(HookSource.GitHub), Hook(HookSource.Generic), row?.AllowedReleasers ?? [],
            [.. deliveries.Select(DeliveryJson.From)]));

        HookJson Hook(HookSource source) => new(urls.For(request, source, project.Slug),
            row?.SecretSetAt(source) is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null, row?.SecretSetBy(source));
    }

    private static async Task<Results<Ok<HookSecretJson>, NotFound>> Rotate(string slug, HookSource source, ProjectAccess access, RotateHookSecret rotate,
        CurrentUser user, HookUrls urls, HttpRequest request, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var secret = await rotate.ExecuteAsync(project, source, user.Name, ct);
        return TypedResults.Ok(new HookSecretJson(urls.For(request, source, project.Slug), secret));
    }

    private static async Task<Results<Ok<ReleasersRequest>, NotFound>> Releasers(string slug, ReleasersRequest body, ProjectAccess access, ChangeReleasers change,
        CurrentUser user, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var saved = await change.ExecuteAsync(project, body.Releasers, user.Name, ct);
        return TypedResults.Ok(new ReleasersRequest([.. saved]));
    }
}

/// <summary>
/// The absolute address a forge posts to, for the answer that hands out the secret and for the page: the router's path
/// of the named hook route under <see cref="PublicUrl"/> (configure <c>Firebreak:PublicUrl</c>, or the address is the one
/// the request came to, which behind a proxy may not be the one GitHub can reach).
/// </summary>
internal sealed class HookUrls(LinkGenerator links, PublicUrl urls)
{
    public string For(HttpRequest request, HookSource source, string slug)
    {
        var path = links.GetPathByName(source == HookSource.GitHub ? HookEndpoints.GitHubRoute : HookEndpoints.GenericRoute, new { slug })
            ?? throw new InvalidOperationException("The hook routes are not mapped.");
        return urls.For(request) + path; // PublicUrl carries the path base; the path from the route names none
    }
}
