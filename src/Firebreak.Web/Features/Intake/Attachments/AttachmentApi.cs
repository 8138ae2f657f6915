using Firebreak.Domain.Common;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Threads;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// Report attachments over the API: the reporter adds files from the portal
/// (<c>POST /portal/attachments</c>, by the <c>X-Reporter-Token</c> header alone); maintainers with
/// IncidentRead list them and download them (<c>/incidents/{id}/attachments[/{attachmentId}]</c>).
/// </summary>
internal static class AttachmentApi
{
    public static void Map(RouteGroupBuilder portal, RouteGroupBuilder incidents)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(incidents);
        portal.MapPost("/attachments", Attach);
        incidents.MapGet("/attachments", Attachments).RequirePermission(Permission.IncidentRead);
        incidents.MapGet("/attachments/{attachmentId:guid}", Download).RequirePermission(Permission.IncidentRead);
    }

    /// <summary>The reporter adds files later: multipart/form-data, files in parts named <c>files</c>.</summary>
    private static async Task<Results<Created<AttachmentJson[]>, NotFound>> Attach([FromHeader(Name = PortalApi.TokenHeader)] string? token, HttpContext http,
        ReportThreads threads, AttachToReport attach, IntakeRateLimiter limiter, AttachmentLimits limits, CancellationToken ct)
    {
        await limiter.TakeAsync(http, "portal", http.RequestAborted);
        if (await threads.OpenByTokenAsync(token, ct) is not var (incident, _)) return TypedResults.NotFound();
        ReportRequest.AllowBody(http, limits);
        var added = await attach.ExecuteAsync(incident, await ReportRequest.ReadFilesAsync(http, limits, ct), ct);
        return TypedResults.Created((string?)null, added.Select(ToJson).ToArray());
    }

    internal static AttachmentJson ToJson(ReportAttachment a) => new(a.Id, a.FileName, a.Type.ToWire(), a.Size, a.Sha256, a.UploadedBy, a.UploadedAt);

    private static async Task<Results<Ok<AttachmentJson[]>, NotFound>> Attachments(Guid id, ProjectAccess access, ReportThreads threads, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        return TypedResults.Ok((await threads.AttachmentsAsync(incident.Id, ct)).ToArray());
    }

    /// <summary>Always a download of opaque bytes (see <see cref="AttachmentDownload"/>); every download is in the audit record.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, Guid attachmentId, HttpContext http, ProjectAccess access,
        ReportThreads threads, AuditTrail audit, CurrentUser user, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        if (await threads.AttachmentAsync(incident.Id, attachmentId, ct) is not { } attachment) return TypedResults.NotFound();
        await audit.RecordNowAsync(user.Name, "attachment-download", $"incident {incident.Id}",
            $"downloaded attachment {attachment.Id} '{attachment.FileName}' (sha256 {attachment.Sha256})", ct);
        AttachmentDownload.Prepare(http.Response);
        return TypedResults.File(attachment.Content, AttachmentDownload.ContentType, attachment.FileName);
    }
}
