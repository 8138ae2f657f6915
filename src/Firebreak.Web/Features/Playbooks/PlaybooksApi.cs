using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Playbooks;

/// <summary><c>GET /api/v1/playbooks</c> and <c>GET /api/v1/playbooks/{id}</c>: the playbooks this server runs.</summary>
internal static class PlaybooksApi
{
    public static RouteGroupBuilder MapPlaybooksApi(this RouteGroupBuilder api)
    {
        var playbooks = api.MapGroup("/playbooks").WithTags("Playbooks");
        playbooks.MapGet("/", (PlaybookLibrary library) =>
            TypedResults.Ok(library.Catalog.All.Select(PlaybookJson.Summary).ToArray())).RequirePermission(Permission.SignedIn);
        playbooks.MapGet("/{playbookId}", Results<Ok<PlaybookJson>, NotFound> (string playbookId, PlaybookLibrary library) =>
            library.Catalog.Find(playbookId) is { } p ? TypedResults.Ok(PlaybookJson.From(p)) : TypedResults.NotFound()).RequirePermission(Permission.SignedIn);
        return api;
    }
}
