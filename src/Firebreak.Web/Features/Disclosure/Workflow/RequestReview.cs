using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Disclosure.Formats;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>
/// Asks a second maintainer to review the advisory, for publication at the proposed instant (by default the planned
/// disclosure). An advisory missing a required field (<see cref="AdvisoryReadiness"/>) is refused with the field named.
/// </summary>
internal sealed class RequestReview(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, DateTimeOffset? publishAt, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, incident, now) =>
        {
            var missing = AdvisoryReadiness.Missing(FirebreakAdvisoryJson.Read(row.Document));
            if (missing.Count > 0) throw new DomainException($"The advisory cannot go to review yet: {string.Join(" ", missing)}");
            return row.RequestReview(publishAt ?? incident.DisclosureDue ?? now, moves.Actor, now);
        }, ct, (notices, project, incident, row) => notices.ReviewRequestedAsync(project, incident, row, moves.Actor, ct));
}
