using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Returns the advisory to its author as a draft, with the reviewer's reason.</summary>
internal sealed class ReturnAdvisory(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, string? reason, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, _, now) => row.ReturnToDraft(reason ?? "", moves.Actor, now), ct,
            (notices, project, incident, row) => notices.ReviewReturnedAsync(project, incident, row, moves.Actor, ct));
}
