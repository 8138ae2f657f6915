using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// The record kept for the life of the project: <c>GET /api/v1/incidents/{id}/archive</c> (one incident's bundle,
/// IncidentWork: it holds internal messages and the audit trail, more than a reader of the incident sees),
/// <c>GET /api/v1/projects/{slug}/archive</c> (every incident, ProjectAdmin), and
/// <c>POST /api/v1/incidents/{id}/reporter/redact</c> (an instance administrator redacts the reporter's contact).
/// Every download is an audit record; see docs/archive.md.
/// </summary>
internal static class ArchiveApi
{
    public const string ZipType = "application/zip";

    public static WebApplicationBuilder AddArchive(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditExcerpt>();
        builder.Services.AddScoped<BundleSeal>();
        builder.Services.AddScoped<IncidentBundle>();
        builder.Services.AddScoped<ProjectArchive>();
        builder.Services.AddScoped<RedactReporter>();
        return builder;
    }

    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/incidents/{id:guid}/archive", Incident).WithTags("Archive").RequirePermission(Permission.IncidentWork)
            .Produces<Stream>(StatusCodes.Status200OK, ZipType).Produces(StatusCodes.Status404NotFound)
            .WithSummary("The incident's whole record as one ZIP with a signed manifest; `firebreak archive verify` checks it offline");
        api.MapGet("/projects/{slug}/archive", Project).WithTags("Archive").RequirePermission(Permission.ProjectAdmin)
            .Produces<Stream>(StatusCodes.Status200OK, ZipType).Produces(StatusCodes.Status404NotFound)
            .WithSummary("Every incident of the project, a signed bundle each, in one ZIP with a top-level manifest (backup, move to another instance)");
        api.MapPost("/incidents/{id:guid}/reporter/redact", Redact).WithTags("Archive").RequirePermission(Permission.InstanceAdmin).RequireRecentSignIn()
            .WithSummary("Replace the reporter's contact (and the held report's) with a redaction marker, with a `reason`; audited, nothing else changes");
        return api;
    }

    // IResult rather than a typed union: the union's own metadata would describe the 200 without its media type.
    private static async Task<IResult> Incident(Guid id, ProjectAccess access, FirebreakDbContext db, IncidentBundle bundle,
        AuditTrail audit, CurrentUser user, PublicUrl urls, HttpRequest request, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var project = await db.Projects.SingleAsync(p => p.Id == incident.ProjectId, ct);
        await audit.RecordNowAsync(user.Name, ArchiveActions.IncidentArchive, $"incident {id}", $"downloaded the record of incident #{incident.Number}", ct);
        var files = await bundle.BuildAsync(project, incident, urls.For(request), ct);
        return TypedResults.File(await DeterministicZip.BytesOfAsync(files, ct), ZipType, IncidentBundle.FileName(project, incident));
    }

    private static async Task<IResult> Project(string slug, ProjectAccess access, ProjectArchive archive, AuditTrail audit,
        CurrentUser user, PublicUrl urls, HttpRequest request, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        await audit.RecordNowAsync(user.Name, ArchiveActions.ProjectArchive, $"project {project.Slug}", "downloaded the record of every incident", ct);
        return TypedResults.File(await archive.WriteAsync(project, urls.For(request), ct), ZipType, ProjectArchive.FileName(project));
    }

    private static async Task<Results<Ok<RedactionJson>, NotFound>> Redact(Guid id, RedactRequest body, ProjectAccess access, RedactReporter redact, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var held = await redact.ExecuteAsync(incident, body?.Reason, ct);
        return TypedResults.Ok(new RedactionJson(incident.Id, incident.Number, Firebreak.Domain.Incidents.Incident.RedactedContact, held));
    }
}

/// <summary>Body of <c>POST /api/v1/incidents/{id}/reporter/redact</c>: why (the reporter's request it answers).</summary>
internal sealed record RedactRequest(string? Reason);

/// <summary>What a redaction did: the marker the contact now reads as, and how many held reports were redacted with it.</summary>
internal sealed record RedactionJson(Guid Incident, int Number, string Contact, int HeldReports);
