using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Disclosure.Workflow;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>
/// <c>/api/v1/incidents/{id}/advisory</c>: save the advisory (Firebreak's advisory JSON, validated by the same reader as
/// <c>firebreak advisory export</c>), read it or export it (<c>?format=</c> osv, cve5, cve5-container, csaf, csaf-vex,
/// openvex, ghsa-md, changelog; every export is audited), and move it through review, scheduling, publication and
/// withdrawal; <c>…/disclosure</c> moves the planned disclosure or records active exploitation.
/// </summary>
internal static class AdvisoryApi
{
    public static RouteGroupBuilder MapAdvisoryApi(this RouteGroupBuilder api)
    {
        var advisory = api.MapGroup("/incidents/{id:guid}/advisory").WithTags("Advisories");
        advisory.MapPut("", Save).RequirePermission(Permission.IncidentWork).Accepts<string>("application/json");
        advisory.MapGet("", Get).RequirePermission(Permission.IncidentRead);
        advisory.MapGet("/status", Status).RequirePermission(Permission.IncidentRead);
        advisory.MapGet("/draft", Draft).RequirePermission(Permission.IncidentRead);
        advisory.MapPost("/review", (Guid id, ScheduleRequest? body, RequestReview review, CancellationToken ct) =>
            Respond(review.ExecuteAsync(id, body?.PublishAt, ct))).RequirePermission(Permission.IncidentWork);
        advisory.MapPost("/approve", (Guid id, ScheduleRequest? body, ApproveAdvisory approve, CancellationToken ct) =>
            Respond(approve.ExecuteAsync(id, body?.PublishAt, ct))).RequirePermission(Permission.Review).RequireRecentSignIn();
        advisory.MapPost("/return", (Guid id, ReasonRequest body, ReturnAdvisory giveBack, CancellationToken ct) =>
            Respond(giveBack.ExecuteAsync(id, body.Reason, ct))).RequirePermission(Permission.Review);
        advisory.MapPost("/schedule", (Guid id, ScheduleRequest body, ScheduleAdvisory schedule, CancellationToken ct) =>
            Respond(schedule.ExecuteAsync(id, body.PublishAt, ct))).RequirePermission(Permission.Publish).RequireRecentSignIn();
        advisory.MapPost("/withdraw", (Guid id, ReasonRequest body, WithdrawAdvisory withdraw, CancellationToken ct) =>
            Respond(withdraw.ExecuteAsync(id, body.Reason, ct))).RequirePermission(Permission.Publish).RequireRecentSignIn();
        advisory.MapPost("/notices", Notice).RequirePermission(Permission.Publish).RequireRecentSignIn();

        var disclosure = api.MapGroup("/incidents/{id:guid}/disclosure").WithTags("Advisories");
        disclosure.MapPost("", (Guid id, MoveDisclosureRequest body, MoveDisclosure move, CancellationToken ct) =>
            RespondDisclosure(move.ExecuteAsync(id, body.DueAt, body.Reason, body.AgreedBy, ct))).RequirePermission(Permission.IncidentTriage);
        disclosure.MapPost("/exploitation", (Guid id, ExploitationRequest body, ReportExploitation exploited, CancellationToken ct) =>
            RespondDisclosure(exploited.ExecuteAsync(id, body.Evidence, ct))).RequirePermission(Permission.IncidentTriage);
        return api;
    }

    private static async Task<Results<Ok<AdvisoryStatusJson>, NotFound>> Save(Guid id, HttpRequest request, SaveAdvisory save, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        return await save.ExecuteAsync(id, text, ct) is { } row ? TypedResults.Ok(AdvisoryStatusJson.From(row)) : TypedResults.NotFound();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Get(Guid id, string? format, ProjectAccess access,
        AdvisoryMoves moves, AdvisoryExporter exporter, AuditTrail audit, CurrentUser user, PublicUrl urls, HttpRequest request, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        if (await moves.FindAsync(id, ct) is not { } row) return TypedResults.NotFound();
        if (format is null) return TypedResults.Text(row.Document, "application/json; charset=utf-8");
        var chosen = AdvisoryExport.Parse(format, "format");
        var document = await exporter.ExportAsync(row, incident, chosen, urls.For(request), ct);
        await audit.RecordNowAsync(user.Name, "advisory-export", $"incident {id}", $"exported advisory version {row.Version} as {chosen.ToWire()}", ct);
        return TypedResults.Text(document, AdvisoryExport.MediaType(chosen));
    }

    private static async Task<Results<Ok<AdvisoryStatusJson>, NotFound>> Status(Guid id, ProjectAccess access, AdvisoryMoves moves, CancellationToken ct) =>
        await access.FindIncidentAsync(id, withTimeline: false, ct) is not null && await moves.FindAsync(id, ct) is { } row
            ? TypedResults.Ok(AdvisoryStatusJson.From(row))
            : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> Draft(Guid id, ProjectAccess access, FirebreakDbContext db, PublicUrl urls,
        HttpRequest request, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        return TypedResults.Text(AdvisoryDraft.For(project, incident, urls.For(request)), "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<NoticeQueuedJson>, NotFound>> Notice(Guid id, ScheduleRequest? body, QueuePrivateNotice notice, PublicUrl urls,
        HttpRequest request, CancellationToken ct) =>
        await notice.ExecuteAsync(id, body?.PublishAt, urls.For(request), ct) is { } count
            ? TypedResults.Ok(new NoticeQueuedJson(count))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<AdvisoryStatusJson>, NotFound>> Respond(Task<AdvisoryPublication?> move) =>
        await move is { } row ? TypedResults.Ok(AdvisoryStatusJson.From(row)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DisclosureJson>, NotFound>> RespondDisclosure(Task<Incident?> change) =>
        await change is { } incident ? TypedResults.Ok(DisclosureJson.From(incident)) : TypedResults.NotFound();
}

internal sealed record ScheduleRequest(DateTimeOffset? PublishAt);

internal sealed record ReasonRequest(string? Reason);

internal sealed record MoveDisclosureRequest(DateTimeOffset? DueAt, string? Reason, IReadOnlyList<string>? AgreedBy);

internal sealed record ExploitationRequest(string? Evidence);

internal sealed record NoticeQueuedJson(int Queued);

internal sealed record AdvisoryStatusJson(string Advisory, int Version, string State, DateTime UpdatedAt, string UpdatedBy,
    string? ReviewRequestedBy, string? ApprovedBy, DateTime? PublishAt, DateTime? PublishedAt, DateTime? WithdrawnAt, string? WithdrawnReason)
{
    public static AdvisoryStatusJson From(AdvisoryPublication row) => new(row.AdvisoryId, row.Version, row.State.ToWire(), row.UpdatedAt, row.UpdatedBy,
        row.ReviewRequestedBy, row.ApprovedBy, row.PublishAt, row.PublishedAt, row.WithdrawnAt, row.WithdrawnReason);
}

internal sealed record DisclosureJson(DateTimeOffset? DueAt, DateTimeOffset? StoppedAt, bool ActivelyExploited, DateTime? ExploitedAt)
{
    public static DisclosureJson From(Incident incident) =>
        new(incident.DisclosureDue, incident.Clock(ClockKind.Disclosure)?.StoppedAt, incident.ActivelyExploited, incident.ExploitedAt);
}
