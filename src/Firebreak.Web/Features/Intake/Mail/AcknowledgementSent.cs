using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Mail;

/// <summary>
/// When the acknowledgement has actually gone out (the relay accepted it), the acknowledgement
/// clock stops at that instant and the timeline says so. A concurrent change to the incident is
/// retried on fresh data.
/// </summary>
internal sealed class AcknowledgementSent(FirebreakDbContext db, TimeProvider time) : IOutboxObserver
{
    public async Task DeliveredAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Purpose != ReportMail.AcknowledgementPurpose || message.IncidentId is not { } id) return;
        for (var attempt = 1; ; attempt++)
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return;
            incident.StopClock(ClockKind.Acknowledgement, $"acknowledgement e-mailed to the reporter", "system", time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
