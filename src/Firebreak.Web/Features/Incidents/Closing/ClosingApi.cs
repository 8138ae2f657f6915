using Firebreak.Web.Features.PostMortems;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>
/// <c>/api/v1/incidents/{id}/closing</c> (what is unfinished), <c>…/close</c> and <c>…/reopen</c>. Closing and reopening
/// change the incident's stage, so they need IncidentTriage, like every other stage move.
/// </summary>
internal static class ClosingApi
{
    public static IServiceCollection AddClosing(this IServiceCollection services) =>
        services.AddScoped<CloseIncident>().AddScoped<ReopenIncident>();

    public static RouteGroupBuilder MapClosingApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents/{id:guid}").WithTags("Incidents");
        incidents.MapGet("/closing", Checklist).RequirePermission(Permission.IncidentRead)
            .WithSummary("What a close would have to settle: pending steps, the post-mortem unless signed off, open action items");
        incidents.MapPost("/close", Close).RequirePermission(Permission.IncidentTriage)
            .WithSummary("Close with a decision for each unfinished item (400 lists each one missing); resolution rejected or duplicate closes directly")
            .ProducesValidationProblem();
        incidents.MapPost("/reopen", Reopen).RequirePermission(Permission.IncidentTriage)
            .WithSummary("Reopen an ended incident into discovery, with a reason");
        return api;
    }

    private static async Task<Results<Ok<ClosingJson>, NotFound>> Checklist(Guid id, ProjectAccess access, PlaybookLibrary library, FollowUpsAtClose followUps,
        CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var list = incident.IsClosed ? null : await ClosingChecklist.ForAsync(incident, library, followUps, ct);
        return TypedResults.Ok(ClosingJson.From(incident, list));
    }

    private static async Task<Results<Ok<IncidentJson>, ValidationProblem, NotFound>> Close(Guid id, CloseIncidentRequest request, ProjectAccess access,
        CloseIncident close, IncidentQueries queries, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var errors = await close.ExecuteAsync(incident, request, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Unfinished items need a decision",
                detail: $"{errors.Count} item(s) of incident #{incident.Number} need a decision before it can close; nothing was written.");
        return await queries.GetAsync(id, ct) is { } json ? TypedResults.Ok(json) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IncidentJson>, NotFound>> Reopen(Guid id, ReopenIncidentRequest request, ProjectAccess access, ReopenIncident reopen,
        IncidentQueries queries, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        await reopen.ExecuteAsync(incident, request, ct);
        return await queries.GetAsync(id, ct) is { } json ? TypedResults.Ok(json) : TypedResults.NotFound();
    }
}
