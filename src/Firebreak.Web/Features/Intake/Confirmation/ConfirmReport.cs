using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Reports;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Confirmation;

/// <summary>Where a confirmation link stands.</summary>
internal enum ConfirmationState
{
    /// <summary>No held report has this token (or it cannot be one).</summary>
    Unknown,

    /// <summary>Waiting for the reporter's confirmation.</summary>
    Waiting,

    /// <summary>The link is too old; the report was not filed.</summary>
    Expired,

    /// <summary>Already confirmed and filed.</summary>
    Confirmed,
}

/// <summary>
/// Files a held report when its reporter confirms the address: the incident opens now (its clocks
/// start at confirmation), with the private link, acknowledgement, notifications and the
/// attachments that came with it, in one commit that also marks the held report confirmed. Two
/// confirmations at once file one incident: the held report's confirmation instant is its
/// concurrency token, and the loser finds it confirmed.
/// </summary>
internal sealed class ConfirmReport(FirebreakDbContext db, FileReport file, TimeProvider time)
{
    /// <summary>The held report a token names, and where it stands.</summary>
    public async Task<(HeldReport? Report, ConfirmationState State)> FindAsync(string? token, CancellationToken ct)
    {
        if (!ReporterLink.LooksLikeToken(token)) return (null, ConfirmationState.Unknown);
        var hash = Secrets.Hash(token!);
        var held = await db.Set<HeldReport>().SingleOrDefaultAsync(h => h.TokenHash == hash, ct);
        return held switch
        {
            null => (null, ConfirmationState.Unknown),
            { ConfirmedAt: not null } => (held, ConfirmationState.Confirmed),
            _ when held.IsExpired(time.GetUtcNow()) => (held, ConfirmationState.Expired),
            _ => (held, ConfirmationState.Waiting),
        };
    }

    public async Task<ReportReceipt> ExecuteAsync(HeldReport held, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.ConfirmedAt is not null) throw new DomainException(AlreadyConfirmed);
        if (held.IsExpired(time.GetUtcNow())) throw new DomainException(Expired);
        var project = await db.Projects.SingleAsync(p => p.Id == held.ProjectId, ct);
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct) ?? IntakeSettings.For(project.Id);
        var draft = ReportDraft.Read(held.Submission());
        return await file.ExecuteAsync(project, settings, draft, held.Source, baseUrl, [], async incident =>
        {
            // Read again on every attempt: after a clash the unit of work starts from scratch.
            var current = await db.Set<HeldReport>().SingleAsync(h => h.Id == held.Id, ct);
            if (current.ConfirmedAt is not null) throw new DomainException(AlreadyConfirmed);
            var now = time.GetUtcNow();
            current.Confirm(incident.Id, now);
            incident.RecordCorrespondence($"The reporter confirmed their e-mail address; the report was received {Instant(current.ReceivedAt)} and held until now",
                SubmitReport.Actor, now);
            var attachments = await db.Set<ReportAttachment>().Where(a => a.HeldReportId == held.Id).ToListAsync(ct);
            foreach (var attachment in attachments) attachment.FileWith(incident.Id);
            return attachments.Count;
        }, ct);
    }

    public const string AlreadyConfirmed = "This report was already confirmed and sent to the maintainers.";

    public const string Expired = "This confirmation link has expired, so the report was not sent to the maintainers. Please submit it again.";

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
