using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;

namespace Firebreak.Web.Features.Intake.Mail;

/// <summary>
/// A maintainer records that the reporter was acknowledged another way (a reply on the platform the report came from, a
/// call, mail from their own client): the acknowledgement clock stops with how, for servers without mail and for
/// reporters who gave no address.
/// </summary>
internal sealed class MarkAcknowledged(FirebreakDbContext db, TimeProvider time)
{
    public const int MaxHow = 300;

    public async Task ExecuteAsync(Incident incident, string? how, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        how = (how ?? "").Trim();
        if (how.Length == 0) throw new DomainException("how: say how the reporter was acknowledged (e.g. \"replied on the GitHub private report\").");
        if (how.Length > MaxHow) throw new DomainException($"how: longer than {MaxHow} characters.");
        if (incident.Clock(ClockKind.Acknowledgement) is not { IsRunning: true })
            throw new DomainException($"Incident #{incident.Number} has no acknowledgement waiting.");
        incident.StopClock(ClockKind.Acknowledgement, $"acknowledged another way: {how}", actor, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
