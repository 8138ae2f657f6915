using Microsoft.AspNetCore.Authorization;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// Enforces each API endpoint's declared permission before its handler runs, on the object its
/// route names. An endpoint that declares nothing (and is not deliberately anonymous) is refused:
/// the table fails closed.
/// </summary>
internal static class PermissionFilter
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission));

    /// <summary>Marks an endpoint as sensitive (see <see cref="RequiresRecentSignInAttribute"/>); bearer tokens satisfy it.</summary>
    public static TBuilder RequireRecentSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresRecentSignInAttribute());

    /// <summary>Adds the check to every endpoint of the group.</summary>
    public static RouteGroupBuilder EnforcePermissions(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var endpoint = http.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null) return await next(context);
            if (endpoint?.Metadata.GetMetadata<RequiresPermissionAttribute>() is not { } required)
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No permission declared",
                    detail: "This endpoint declares no permission, so it is refused.");
            var decision = await DecideAsync(http, required.Permission);
            var unconfirmed = endpoint.Metadata.GetMetadata<RequiresRecentSignInAttribute>() is not null
                && !http.RequestServices.GetRequiredService<RecentSignIn>().IsSatisfiedForApi(http);
            return decision switch
            {
                AccessDecision.Allowed when unconfirmed => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Recent sign-in required",
                    detail: $"Confirm your password at {RecentSignIn.ConfirmPath} first, or use an API token."),
                AccessDecision.Allowed => await next(context),
                AccessDecision.NotFound => TypedResults.NotFound(),
                AccessDecision.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: $"Your role does not include the {required.Permission} permission here."),
            };
        });
        return group;
    }

    /// <summary>The incident the route names: its <c>{id}</c>, or the incident of the action item its <c>{itemId}</c> names.</summary>
    private static async Task<Guid?> IncidentOfRouteAsync(HttpContext http, ProjectAccess access, CancellationToken ct)
    {
        if (Guid.TryParse(http.GetRouteValue("id") as string, out var id)) return id;
        return Guid.TryParse(http.GetRouteValue("itemId") as string, out var item) ? await access.IncidentOfActionItemAsync(item, ct) : null;
    }

    /// <summary>The decision for the current request's route object, shared by the API filter and the page filter.</summary>
    public static async Task<AccessDecision> DecideAsync(HttpContext http, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.RequestServices.GetRequiredService<CurrentUser>();
        var access = http.RequestServices.GetRequiredService<ProjectAccess>();
        var ct = http.RequestAborted;
        return PermissionTable.ScopeOf(permission) switch
        {
            PermissionScope.None => permission == Permission.InstanceAdmin && !user.IsAdmin ? AccessDecision.Forbidden : AccessDecision.Allowed,
            PermissionScope.Project => await access.CheckProjectAsync(http.GetRouteValue("slug") as string, permission, ct),
            PermissionScope.Incident => await IncidentOfRouteAsync(http, access, ct) is { } id
                ? await access.CheckIncidentAsync(id, permission, ct)
                : AccessDecision.NotFound,
        };
    }
}
