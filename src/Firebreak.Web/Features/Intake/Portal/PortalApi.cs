using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Threads;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Portal;

/// <summary>The reporter's portal (<c>/portal</c>), authorised by the <c>X-Reporter-Token</c> header alone.</summary>
internal static class PortalApi
{
    public const string TokenHeader = "X-Reporter-Token";

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").AllowAnonymous().WithTags("Reporter portal");
        portal.MapGet("", Portal);
        portal.MapPost("/messages", Reply);
        portal.MapPut("/credit", Credit);
        return portal;
    }

    private static async Task<Results<Ok<PortalJson>, NotFound>> Portal([FromHeader(Name = TokenHeader)] string? token, HttpContext http,
        ReportThreads threads, IntakeRateLimiter limiter, FirebreakDbContext db, TimeProvider time, PublicUrl urls, CancellationToken ct)
    {
        await limiter.TakeAsync(http, "portal", http.RequestAborted);
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        var messages = await threads.SharedAsync(incident.Id, ct);
        var advisory = await PortalAdvisory.FindAsync(db, project, incident.Id, time.GetUtcNow(), urls.For(http.Request), ct);
        return TypedResults.Ok(ToPortal(project.Name, project.Slug, incident, messages, await threads.AttachmentsAsync(incident.Id, ct), advisory));
    }

    internal static PortalJson ToPortal(string projectName, string slug, Incident incident, IEnumerable<ReportMessage> shared,
        IReadOnlyList<AttachmentJson> attachments, PortalAdvisory? advisory) =>
        new(projectName, $"{slug}#{incident.Number}", incident.Title, incident.Stage.ToWire(), incident.OpenedAt,
            incident.Clock(ClockKind.Acknowledgement) is { IsRunning: false },
            (incident.Reporter?.Preference ?? CreditPreference.Anonymous).ToWire(), incident.Reporter?.CreditName, incident.Reporter?.Consent ?? false,
            shared.Select(MessageJson.ForReporter).ToList(), attachments, advisory);

    private static async Task<Results<Created<MessageJson>, NotFound>> Reply([FromHeader(Name = TokenHeader)] string? token, MessageRequest request,
        HttpContext http, ReportThreads threads, PostMessage post, IntakeRateLimiter limiter, CancellationToken ct)
    {
        await limiter.TakeAsync(http, "portal", http.RequestAborted);
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        var message = await post.FromReporterAsync(incident, request.Body, ct);
        return TypedResults.Created((string?)null, MessageJson.ForReporter(message));
    }

    private static async Task<Results<Ok<PortalJson>, NotFound>> Credit([FromHeader(Name = TokenHeader)] string? token, CreditRequest request,
        HttpContext http, ReportThreads threads, IntakeRateLimiter limiter, FirebreakDbContext db, TimeProvider time, PublicUrl urls, CancellationToken ct)
    {
        await limiter.TakeAsync(http, "portal", http.RequestAborted);
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        incident.ChangeCredit(WireNames.Parse<CreditPreference>(request.Credit, "credit preference"), request.CreditName, request.Consent,
            SubmitReport.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        return TypedResults.Ok(ToPortal(project.Name, project.Slug, incident, await threads.SharedAsync(incident.Id, ct),
            await threads.AttachmentsAsync(incident.Id, ct), await PortalAdvisory.FindAsync(db, project, incident.Id, time.GetUtcNow(), urls.For(http.Request), ct)));
    }
}
