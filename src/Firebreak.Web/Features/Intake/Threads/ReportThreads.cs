using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Portal;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Threads;

/// <summary>Reads a report's thread: all of it for maintainers, only what is shared for the reporter's portal.</summary>
internal sealed class ReportThreads(FirebreakDbContext db)
{
    /// <summary>The incident a live token opens, or null (unknown, malformed or revoked tokens all look the same).</summary>
    public async Task<(Incident Incident, ReporterLink Link)?> OpenByTokenAsync(string? token, CancellationToken ct)
    {
        if (!ReporterLink.LooksLikeToken(token)) return null;
        var hash = ReporterLink.Hash(token!);
        var link = await db.Set<ReporterLink>().SingleOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null, ct);
        if (link is null) return null;
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == link.IncidentId, ct);
        return incident is null ? null : (incident, link);
    }

    public Task<List<ReportMessage>> SharedAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<ReportMessage>().Where(m => m.IncidentId == incidentId && m.Shared).OrderBy(m => m.Sequence).ToListAsync(ct);

    /// <summary>A filed report's attachments, without their content, oldest first.</summary>
    public Task<List<AttachmentJson>> AttachmentsAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<ReportAttachment>().Where(a => a.IncidentId == incidentId).OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName)
            .Select(a => new AttachmentJson(a.Id, a.FileName, a.Type.ToWire(), a.Size, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(ct);

    /// <summary>One attachment of the incident, with its content; null when the incident has no such attachment.</summary>
    /// <summary>
    /// The attachment with its content, or null when there is none. Content that no longer matches the
    /// digest taken at upload (a sealed value altered in the database opens as nothing) is refused, never served.
    /// </summary>
    public async Task<ReportAttachment?> AttachmentAsync(Guid incidentId, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Set<ReportAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.IncidentId == incidentId, ct);
        if (attachment is not null && !attachment.IsIntact)
            throw new Firebreak.Domain.Common.DomainException("This attachment failed its integrity check: it was changed outside Firebreak, or sealed under another key. It is not served.");
        return attachment;
    }

    public Task<List<ReportMessage>> AllAsync(Guid incidentId, CancellationToken ct) =>
        db.Set<ReportMessage>().Where(m => m.IncidentId == incidentId).OrderBy(m => m.Sequence).ToListAsync(ct);
}
