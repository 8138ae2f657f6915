using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Approves the advisory (only a maintainer other than its last editor and whoever asked), which schedules it.</summary>
internal sealed class ApproveAdvisory(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, _, now) => row.Approve(publishAt, moves.Actor, now), ct, async (notices, project, incident, row) =>
        {
            await notices.ReviewApprovedAsync(project, incident, row, moves.Actor, ct);
            await notices.ScheduledAsync(project, incident, row, moves.Actor, ct);
        });
}
