using Firebreak.Domain.Common;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Incidents;

/// <summary><c>POST /api/v1/incidents/{id}/steps/{stepId}/complete|skip|reopen|decide</c>.</summary>
internal static class StepsApi
{
    public static RouteGroupBuilder MapStepsApi(this RouteGroupBuilder api)
    {
        var steps = api.MapGroup("/incidents/{id:guid}/steps/{stepId}").WithTags("Incidents");
        foreach (var action in Enum.GetValues<StepAction>())
        {
            steps.MapPost("/" + action.ToWire(), (Guid id, string stepId, StepRequest? body, ProjectAccess access, WorkStep work, CancellationToken ct) =>
                Act(id, stepId, action, body, access, work, ct)).RequirePermission(Permission.IncidentWork);
        }
        return api;
    }

    private static async Task<Results<Ok<StepResultJson>, NotFound>> Act(Guid id, string stepId, StepAction action,
        StepRequest? body, ProjectAccess access, WorkStep work, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var transition = await work.ExecuteAsync(incident, stepId, action, body ?? new StepRequest(null, null, null), ct);
        return TypedResults.Ok(new StepResultJson(transition.StepId, transition.Status.ToWire(), transition.Summary,
            transition.Marks?.ToWire(), transition.Handover is { } h ? $"{h.PlaybookId}#{h.StepId}" : null));
    }
}

internal sealed record StepResultJson(string StepId, string Status, string Summary, string? Marks, string? HandedOverTo);
