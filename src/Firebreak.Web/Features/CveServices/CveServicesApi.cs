using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.CveServices;

/// <summary>
/// A project's CVE authority and its CVE ids through CVE Services (<c>/api/v1/projects/{slug}/cve-authority</c>,
/// <c>/cve-ids</c>), and an incident's CVE id, clocks and calls (<c>/api/v1/incidents/{id}/cve</c>). Calls to the
/// service are queued: the answers are 202 with the queued call, whose outcome the GETs show.
/// </summary>
internal static class CveServicesApi
{
    public static WebApplicationBuilder AddCveServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CveServicesOptions>(builder.Configuration.GetSection("CveServices"));
        services.AddScoped<CveServicesClient>();
        services.AddScoped<SendCveCalls>();
        services.AddScoped<CveAuthorities>();
        services.AddScoped<CveQueue>();
        services.AddScoped<CveRecords>();
        services.AddHostedService<CveServicesWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapCveServicesApi(this RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{slug}").WithTags("CVE Services");
        project.MapGet("/cve-authority", GetAuthority).RequirePermission(Permission.ProjectRead).WithSummary("The project's CVE authority (never the API key: only whether one is stored).");
        project.MapPut("/cve-authority", PutAuthority).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Chooses none, github or own-cna; for own-cna the CVE Services short name, user, API key (write-only) and base URL.");
        project.MapGet("/cve-ids", ListIds).RequirePermission(Permission.ProjectRead).WithSummary("Reserved ids, those unused past the policy's period (to reject), and the latest calls.");
        project.MapPost("/cve-ids", Reserve).RequirePermission(Permission.ProjectAdmin).WithSummary("Queues a reservation of ids (amount, year, sequential).");
        project.MapPost("/cve-ids/{cveId}/reject", Reject).RequirePermission(Permission.ProjectAdmin).WithSummary("Queues the rejection of an unused reserved id.");
        project.MapPost("/cve-calls/{callId:guid}/retry", Retry).RequirePermission(Permission.ProjectAdmin).WithSummary("Queues a failed call again.");
        var incident = api.MapGroup("/incidents/{id:guid}/cve").WithTags("CVE Services");
        incident.MapGet("", ForIncident).RequirePermission(Permission.IncidentRead).WithSummary("The incident's CVE id, its CVE clocks, ids and calls.");
        incident.MapPost("", ActOnIncident).RequirePermission(Permission.IncidentWork)
            .WithSummary("reserve: an id from the project's CNA for this incident; check: the record's state; publish: the record from the public advisory now (when it went public without an id); record: an id given by hand.");
        return api;
    }

    private static async Task<Results<Ok<CveAuthorityJson>, NotFound>> GetAuthority(string slug, ProjectAccess access, CveAuthorities authorities, CancellationToken ct) =>
        await access.FindProjectAsync(slug, ct) is { } p ? TypedResults.Ok(await authorities.GetAsync(p, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CveAuthorityJson>, NotFound>> PutAuthority(string slug, CveAuthorityRequest body, ProjectAccess access, CveAuthorities authorities,
        CurrentUser user, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } p) return TypedResults.NotFound();
        await authorities.ChangeAsync(p, body, user.Name, ct);
        return TypedResults.Ok(await authorities.GetAsync(p, ct));
    }

    private static async Task<Results<Ok<CveIdsJson>, NotFound>> ListIds(string slug, ProjectAccess access, CveQueue queue, CancellationToken ct) =>
        await access.FindProjectAsync(slug, ct) is { } p ? TypedResults.Ok(await queue.ListAsync(p, ct)) : TypedResults.NotFound();

    private static async Task<Results<Accepted<CveCallJson>, NotFound>> Reserve(string slug, ReserveRequest body, ProjectAccess access, CveQueue queue, CurrentUser user,
        CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } p) return TypedResults.NotFound();
        return TypedResults.Accepted($"/api/v1/projects/{p.Slug}/cve-ids", CveCallJson.From(await queue.ReserveAsync(p, null, body, user.Name, ct)));
    }

    private static async Task<Results<Accepted<CveCallJson>, NotFound>> Reject(string slug, string cveId, RejectRequest? body, ProjectAccess access, CveQueue queue,
        CurrentUser user, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } p) return TypedResults.NotFound();
        return TypedResults.Accepted($"/api/v1/projects/{p.Slug}/cve-ids", CveCallJson.From(await queue.RejectAsync(p, cveId, body?.Reason, user.Name, ct)));
    }

    private static async Task<Results<NoContent, NotFound>> Retry(string slug, Guid callId, ProjectAccess access, CveQueue queue, CurrentUser user, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } p) return TypedResults.NotFound();
        return await queue.RetryAsync(p, callId, user.Name, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IncidentCveJson>, NotFound>> ForIncident(Guid id, ProjectAccess access, Data.FirebreakDbContext db, CveQueue queue, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct); // seen through the incident: a collaborator may not see the project
        return TypedResults.Ok(await queue.ForIncidentAsync(project, incident, ct));
    }

    private static async Task<Results<Ok<IncidentCveJson>, Accepted<CveCallJson>, NotFound>> ActOnIncident(Guid id, IncidentCveRequest body, ProjectAccess access,
        Data.FirebreakDbContext db, CveQueue queue, CurrentUser user, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct); // seen through the incident: a collaborator may not see the project
        switch ((body.Action ?? "").Trim().ToLowerInvariant())
        {
            case "reserve":
                return TypedResults.Accepted($"/api/v1/incidents/{id}/cve", CveCallJson.From(await queue.ReserveAsync(project, incident, new ReserveRequest(1, null, true), user.Name, ct)));
            case "check":
                return TypedResults.Accepted($"/api/v1/incidents/{id}/cve", CveCallJson.From(await queue.CheckAsync(project, incident, user.Name, ct)));
            case "publish":
                return TypedResults.Accepted($"/api/v1/incidents/{id}/cve", CveCallJson.From(await queue.PublishRecordAsync(project, incident, user.Name, ct)));
            case "record":
                await queue.RecordAsync(incident, body.CveId, user.Name, ct);
                return TypedResults.Ok(await queue.ForIncidentAsync(project, incident, ct));
            default:
                throw new Firebreak.Domain.Common.DomainException($"action: '{body.Action}' is not one of reserve, check, publish, record.");
        }
    }
}
