using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>
/// The maintainers' side of a report's thread (<c>/incidents/{id}/messages|acknowledgement|acknowledged|verdict</c>), project
/// members only. <c>acknowledgement</c> sends the acknowledgement mail; <c>acknowledged</c> (<c>{ "how": … }</c>) records one
/// given another way.
/// </summary>
internal static class ThreadApi
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents/{id:guid}").WithTags("Intake");
        incidents.MapGet("/messages", Messages).RequirePermission(Permission.IncidentRead);
        incidents.MapPost("/messages", Post).RequirePermission(Permission.IncidentWork);
        incidents.MapPost("/acknowledgement", Acknowledge).RequirePermission(Permission.ReporterCorrespond);
        incidents.MapPost("/acknowledged", MarkAcknowledged).RequirePermission(Permission.ReporterCorrespond);
        incidents.MapPost("/verdict", Judge).RequirePermission(Permission.IncidentTriage);
        return incidents;
    }

    private static async Task<Results<Ok<MessageJson[]>, NotFound>> Messages(Guid id, ProjectAccess access, ReportThreads threads, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        return TypedResults.Ok((await threads.AllAsync(incident.Id, ct)).Select(MessageJson.From).ToArray());
    }

    private static async Task<Results<Created<MessageJson>, NotFound, ProblemHttpResult>> Post(Guid id, MessageRequest request, ProjectAccess access,
        CurrentUser user, PostMessage post, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        if (request.Shared && !await access.HasAsync(incident, Permission.ReporterCorrespond, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Sharing a message with the reporter needs the ReporterCorrespond permission; post it as an internal note.");
        var message = await post.FromMaintainerAsync(incident, user.Name, request.Body, request.Shared, ct);
        return TypedResults.Created($"/api/v1/incidents/{id}/messages", MessageJson.From(message));
    }

    private static async Task<Results<NoContent, NotFound>> Judge(Guid id, VerdictRequest request, ProjectAccess access, CurrentUser user,
        JudgeReport judge, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        await judge.ExecuteAsync(incident, request, user.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> MarkAcknowledged(Guid id, AcknowledgedRequest request, ProjectAccess access, CurrentUser user,
        MarkAcknowledged mark, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        await mark.ExecuteAsync(incident, request.How, user.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> Acknowledge(Guid id, HttpContext http, ProjectAccess access, CurrentUser user,
        FirebreakDbContext db, SendAcknowledgement send, PublicUrl urls, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await send.ExecuteAsync(project, incident, urls.For(http.Request), user.Name, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>How the reporter was acknowledged, when it was not by this server's mail.</summary>
internal sealed record AcknowledgedRequest(string? How);
