using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Moves an approved advisory's publication to another instant.</summary>
internal sealed class ScheduleAdvisory(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, _, now) => row.Reschedule(publishAt ?? throw new DomainException("publishAt: required."), moves.Actor, now), ct,
            (notices, project, incident, row) => notices.ScheduledAsync(project, incident, row, moves.Actor, ct));
}
