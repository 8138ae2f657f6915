using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// <c>/api/v1/incidents/{id}/releases</c>: record a release carrying the fix (Publish: who may publish may say a fix
/// shipped), list the recorded ones (IncidentRead).
/// </summary>
internal static class ReleasesApi
{
    public static RouteGroupBuilder MapReleasesApi(this RouteGroupBuilder api)
    {
        var releases = api.MapGroup("/incidents/{id:guid}/releases").WithTags("Incidents");
        releases.MapPost("", Record).RequirePermission(Permission.Publish);
        releases.MapGet("", List).RequirePermission(Permission.IncidentRead);
        return api;
    }

    private static async Task<Results<Created<ReleaseJson>, NotFound>> Record(Guid id, ReleaseRequest request, ProjectAccess access,
        RecordRelease record, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var release = await record.ExecuteAsync(incident, request, ct);
        return TypedResults.Created($"/api/v1/incidents/{id}/releases", ReleaseJson.From(release));
    }

    private static async Task<Results<Ok<ReleaseJson[]>, NotFound>> List(Guid id, ProjectAccess access, CancellationToken ct) =>
        await access.FindIncidentAsync(id, withTimeline: false, ct) is { } incident
            ? TypedResults.Ok(incident.Releases.Select(ReleaseJson.From).ToArray())
            : TypedResults.NotFound();
}
