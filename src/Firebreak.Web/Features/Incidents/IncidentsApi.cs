using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

internal static class IncidentsApi
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OpenIncident>();
        builder.Services.AddScoped<FindIncident>();
        builder.Services.AddScoped<IncidentRecord>();
        builder.Services.AddScoped<ChangeIncident>();
        builder.Services.AddScoped<IncidentQueries>();
        builder.Services.AddScoped<WorkStep>();
        builder.Services.AddScoped<RecordRelease>();
        return builder;
    }

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{slug}/incidents", Open).WithTags("Incidents").RequirePermission(Permission.IncidentOpen);
        api.MapGet("/projects/{slug}/incidents", List).WithTags("Incidents").RequirePermission(Permission.ProjectRead);
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/{id:guid}", Get).RequirePermission(Permission.IncidentRead);
        incidents.MapPatch("/{id:guid}", Patch).RequirePermission(Permission.IncidentWork);
        incidents.MapGet("/{id:guid}/timeline", Timeline).RequirePermission(Permission.IncidentRead);
        return api.MapStepsApi().MapCollaboratorsApi().MapReleasesApi();
    }

    private static async Task<Results<Created<IncidentJson>, NotFound>> Open(string slug, OpenIncidentRequest request,
        ProjectAccess access, OpenIncident useCase, CurrentUser user, TimeProvider time, PlaybookLibrary library, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var incident = await useCase.ExecuteAsync(project, request.ToOpening(library.Catalog, user.Name, IncidentSource.Api), ct);
        return TypedResults.Created($"/api/v1/incidents/{incident.Id}", IncidentJson.From(incident, project.Slug, library.Catalog, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<IncidentJson[]>, NotFound>> List(string slug, string? stage, string? severity,
        string? kind, bool? breached, ProjectAccess access, IncidentQueries queries, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var filter = new IncidentFilter(
            stage is null ? null : WireNames.Parse<IncidentStage>(stage, "stage"),
            severity is null ? null : WireNames.Parse<Severity>(severity, "severity"),
            kind is null ? null : WireNames.Parse<IncidentKind>(kind, "incident kind"),
            breached);
        return TypedResults.Ok(await queries.ListAsync(project, filter, ct));
    }

    private static async Task<Results<Ok<IncidentJson>, NotFound>> Get(Guid id, IncidentQueries queries, AuditTrail audit, CurrentUser user, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } json) return TypedResults.NotFound();
        await audit.RecordNowAsync(user.Name, "incident-read", $"incident {id}", "read through the API", ct);
        return TypedResults.Ok(json);
    }

    private static async Task<Results<Ok<IncidentJson>, NotFound, ProblemHttpResult>> Patch(Guid id, PatchIncidentRequest patch,
        ProjectAccess access, ChangeIncident useCase, IncidentQueries queries, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        if (patch.IsTriage && !await access.HasAsync(incident, Permission.IncidentTriage, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Changing severity, stage or assignments needs the IncidentTriage permission.");
        await useCase.ExecuteAsync(incident, patch, ct);
        return await queries.GetAsync(id, ct) is { } json ? TypedResults.Ok(json) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<TimelineJson[]>, NotFound>> Timeline(Guid id, ProjectAccess access,
        FirebreakDbContext db, CancellationToken ct)
    {
        if (!await access.VisibleIncidents().AnyAsync(i => i.Id == id, ct)) return TypedResults.NotFound();
        var entries = await db.Timeline.Where(t => t.IncidentId == id).OrderBy(t => t.Sequence).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(TimelineJson.From).ToArray());
    }
}
