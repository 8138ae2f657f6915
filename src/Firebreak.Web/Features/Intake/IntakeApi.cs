using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Public intake (<c>POST /projects/{slug}/reports</c>, anonymous), the reporter's portal
/// (<c>/portal</c>, authorised by the <c>X-Reporter-Token</c> header alone), and the maintainers'
/// side of the thread (<c>/incidents/{id}/messages</c>, project members).
/// </summary>
internal static class IntakeApi
{
    public const string TokenHeader = "X-Reporter-Token";

    private static readonly string[] UploadPages = ["/Intake/Report", "/Intake/Portal"];

    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SubmitReport>();
        services.AddScoped<FileReport>();
        services.AddSingleton<IntakeQueue>();
        services.AddHostedService<IntakeWriter>();
        services.AddScoped<ConfirmReport>();
        services.AddScoped<AttachToReport>();
        services.AddSingleton<AttachmentLimits>();
        // The pages that take files may receive more than the server's default body limit.
        var limits = new AttachmentLimits(builder.Configuration);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            foreach (var page in UploadPages)
                o.Conventions.AddPageApplicationModelConvention(page, m => m.Filters.Add(new RequestSizeLimitAttribute(limits.RequestBytes)));
        });
        services.AddScoped<ReportMail>();
        services.AddScoped<ReportThreads>();
        services.AddScoped<PostMessage>();
        services.AddScoped<SendAcknowledgement>();
        services.AddScoped<ChangeIntakeSettings>();
        services.AddScoped<JudgeReport>();
        services.AddScoped<IOutboxObserver, AcknowledgementSent>();
        return builder;
    }

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{slug}/reports", Submit).AllowAnonymous().WithTags("Intake")
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // The handler reads the body itself (the report alone, or a "report" JSON part plus "files" parts), so the
                // document is told here; declaring Accepts would make routing answer other types before the handler's 415.
                var report = await context.GetOrCreateSchemaAsync(typeof(ReportSubmission), null, ct);
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = report },
                        ["multipart/form-data"] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                                {
                                    ["report"] = report,
                                    ["files"] = new Microsoft.OpenApi.OpenApiSchema
                                    {
                                        Type = Microsoft.OpenApi.JsonSchemaType.Array,
                                        Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                                    },
                                },
                            },
                        },
                    },
                };
            });
        api.MapGet("/projects/{slug}/intake", GetSettings).WithTags("Intake").RequirePermission(Permission.ProjectRead);
        api.MapPut("/projects/{slug}/intake", PutSettings).WithTags("Intake").RequirePermission(Permission.ProjectAdmin);
        var portal = api.MapGroup("/portal").AllowAnonymous().WithTags("Reporter portal");
        portal.MapGet("", Portal);
        portal.MapPost("/messages", Reply);
        portal.MapPut("/credit", Credit);
        var incidents = api.MapGroup("/incidents/{id:guid}").WithTags("Intake");
        incidents.MapGet("/messages", Messages).RequirePermission(Permission.IncidentRead);
        incidents.MapPost("/messages", Post).RequirePermission(Permission.IncidentWork);
        incidents.MapPost("/acknowledgement", Acknowledge).RequirePermission(Permission.ReporterCorrespond);
        incidents.MapPost("/verdict", Judge).RequirePermission(Permission.IncidentTriage);
        AttachmentApi.Map(portal, incidents);
        return api;
    }

    private static async Task<Results<Created<ReportReceiptJson>, Accepted<HeldReportJson>, NotFound>> Submit(string slug, HttpContext http,
        FirebreakDbContext db, SubmitReport submit, IntakeRateLimiter limiter, PublicUrl urls, AttachmentLimits limits, CancellationToken ct)
    {
        limiter.Take(http, "report");
        if (await db.Projects.SingleOrDefaultAsync(p => p.Slug == slug, ct) is not { } project) return TypedResults.NotFound();
        ReportRequest.AllowBody(http, limits);
        var (submission, files) = await ReportRequest.ReadAsync(http, limits, ct);
        var baseUrl = urls.For(http.Request);
        var outcome = await submit.ExecuteAsync(project, submission, files, IncidentSource.Api, baseUrl, ct);
        if (outcome.Held is { } held)
            return TypedResults.Accepted((string?)null, new HeldReportJson("awaiting-confirmation", held.Contact, held.ExpiresAt, held.Attachments,
                $"{project.Name} files a report once its reporter confirms their address: we sent a link to {held.Contact}. Nothing reaches the maintainers until it is opened and confirmed."));
        var receipt = outcome.Filed!;
        return TypedResults.Created((string?)null, new ReportReceiptJson($"{project.Slug}#{receipt.Number}",
            SubmitReport.PortalUrl(baseUrl, receipt.Token), receipt.Token, receipt.AcknowledgementQueued, receipt.Attachments));
    }

    private static async Task<Results<Ok<IntakeSettingsJson>, NotFound>> GetSettings(string slug, ProjectAccess access, FirebreakDbContext db, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return TypedResults.Ok(IntakeSettingsJson.From(await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id)));
    }

    private static async Task<Results<Ok<IntakeSettingsJson>, NotFound>> PutSettings(string slug, IntakeSettingsJson change, ProjectAccess access,
        ChangeIntakeSettings useCase, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return TypedResults.Ok(IntakeSettingsJson.From(await useCase.ExecuteAsync(project, change, ct)));
    }

    private static async Task<Results<Ok<PortalJson>, NotFound>> Portal([FromHeader(Name = TokenHeader)] string? token, HttpContext http,
        ReportThreads threads, IntakeRateLimiter limiter, FirebreakDbContext db, CancellationToken ct)
    {
        limiter.Take(http, "portal");
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        var messages = await threads.SharedAsync(incident.Id, ct);
        return TypedResults.Ok(ToPortal(project.Name, project.Slug, incident, messages, await threads.AttachmentsAsync(incident.Id, ct)));
    }

    internal static PortalJson ToPortal(string projectName, string slug, Incident incident, IEnumerable<ReportMessage> shared,
        IReadOnlyList<AttachmentJson> attachments) =>
        new(projectName, $"{slug}#{incident.Number}", incident.Title, incident.Stage.ToWire(), incident.OpenedAt,
            incident.Clock(ClockKind.Acknowledgement) is { IsRunning: false },
            (incident.Reporter?.Preference ?? CreditPreference.Anonymous).ToWire(), incident.Reporter?.CreditName, incident.Reporter?.Consent ?? false,
            shared.Select(MessageJson.ForReporter).ToList(), attachments);

    private static async Task<Results<Created<MessageJson>, NotFound>> Reply([FromHeader(Name = TokenHeader)] string? token, MessageRequest request,
        HttpContext http, ReportThreads threads, PostMessage post, IntakeRateLimiter limiter, CancellationToken ct)
    {
        limiter.Take(http, "portal");
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        var message = await post.FromReporterAsync(incident, request.Body, ct);
        return TypedResults.Created((string?)null, MessageJson.ForReporter(message));
    }

    private static async Task<Results<Ok<PortalJson>, NotFound>> Credit([FromHeader(Name = TokenHeader)] string? token, CreditRequest request,
        HttpContext http, ReportThreads threads, IntakeRateLimiter limiter, FirebreakDbContext db, TimeProvider time, CancellationToken ct)
    {
        limiter.Take(http, "portal");
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        incident.ChangeCredit(WireNames.Parse<CreditPreference>(request.Credit, "credit preference"), request.CreditName, request.Consent,
            SubmitReport.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        return TypedResults.Ok(ToPortal(project.Name, project.Slug, incident, await threads.SharedAsync(incident.Id, ct),
            await threads.AttachmentsAsync(incident.Id, ct)));
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

    private static async Task<Results<NoContent, NotFound>> Acknowledge(Guid id, HttpContext http, ProjectAccess access, CurrentUser user,
        FirebreakDbContext db, SendAcknowledgement send, PublicUrl urls, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await send.ExecuteAsync(project, incident, urls.For(http.Request), user.Name, ct);
        return TypedResults.NoContent();
    }
}
