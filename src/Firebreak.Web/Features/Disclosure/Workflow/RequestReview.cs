using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Asks a second maintainer to review the advisory, for publication at the proposed instant (by default the planned disclosure).</summary>
internal sealed class RequestReview(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, incident, now) => row.RequestReview(publishAt ?? incident.DisclosureDue ?? now, moves.Actor, now), ct);
}
