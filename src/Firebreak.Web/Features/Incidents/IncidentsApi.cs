using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents.Closing;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
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
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddScoped<WorkStep>();
        builder.Services.AddScoped<RecordRelease>();
        builder.Services.AddClosing();
        return builder;
    }

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/{slug}/incidents", Open).WithTags("Incidents").RequirePermission(Permission.IncidentOpen);
        api.MapGet("/projects/{slug}/incidents", List).WithTags("Incidents").RequirePermission(Permission.ProjectRead)
            .WithSummary("One page of incidents by number: ?state=open|closed|all&stage=&severity=&kind=&breached=&q=&page=&pageSize= (1 to 200, default 50); X-Total-Count and Link headers");
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/{id:guid}", Get).RequirePermission(Permission.IncidentRead);
        incidents.MapPatch("/{id:guid}", Patch).RequirePermission(Permission.IncidentWork);
        incidents.MapGet("/{id:guid}/timeline", Timeline).RequirePermission(Permission.IncidentRead);
        return api.MapStepsApi().MapCollaboratorsApi().MapReleasesApi().MapClosingApi();
    }

    private static async Task<Results<Created<IncidentJson>, NotFound>> Open(string slug, OpenIncidentRequest request,
        ProjectAccess access, OpenIncident useCase, CurrentUser user, TimeProvider time, PlaybookLibrary library, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var incident = await useCase.ExecuteAsync(project, request.ToOpening(library.Catalog, user.Name, IncidentSource.Api), ct);
        return TypedResults.Created($"/api/v1/incidents/{incident.Id}", IncidentJson.From(incident, project.Slug, library.Catalog, time.GetUtcNow()));
    }

    /// <summary>
    /// One page of the project's incidents by number. The body stays an array (as before paging); the total is in
    /// <c>X-Total-Count</c> and the neighbouring pages in an RFC 8288 <c>Link</c> header (first, prev, next, last).
    /// </summary>
    private static async Task<Results<Ok<IncidentJson[]>, NotFound, ValidationProblem>> List(string slug, string? state, string? stage, string? severity,
        string? kind, string? breached, string? q, string? page, string? pageSize, ProjectAccess access, IncidentQueries queries, HttpContext http, CancellationToken ct)
    {
        var (filter, errors) = IncidentFilter.Parse(state, stage, severity, kind, breached, q, page, pageSize, IncidentState.All);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Invalid list parameters");
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var result = await queries.ListAsync(project, filter, ct);
        IncidentListLinks.Write(http, result.Total, result.Page, result.PageSize, result.Pages);
        return TypedResults.Ok(result.Items.ToArray());
    }

    private static async Task<Results<Ok<IncidentJson>, NotFound>> Get(Guid id, IncidentQueries queries, AuditTrail audit, CurrentUser user, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } json) return TypedResults.NotFound();
        await audit.RecordReadAsync(user.Name, "incident-read", $"incident {id}", "read through the API", ct);
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

    /// <summary>
    /// One page of the incident's timeline, oldest first by its sequence number, unique within the incident (<c>page</c> from 1,
    /// <c>limit</c> up to 200, by default 200 so that most timelines still come whole), with <c>X-Total-Count</c> and <c>Link</c>.
    /// </summary>
    private static async Task<Results<Ok<TimelineJson[]>, NotFound>> Timeline(Guid id, string? page, string? limit, ProjectAccess access,
        FirebreakDbContext db, HttpContext http, CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit, Paging.MaxLimit);
        if (!await access.VisibleIncidents().AnyAsync(i => i.Id == id, ct)) return TypedResults.NotFound();
        var entries = await db.Timeline.AsNoTracking().Where(t => t.IncidentId == id).OrderBy(t => t.Sequence).ToPagedAsync(paging, ct);
        PageLinks.Write(http, entries);
        return TypedResults.Ok(entries.Items.Select(TimelineJson.From).ToArray());
    }
}
