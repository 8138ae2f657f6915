using Firebreak.Domain.Disclosure;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Withdraws the advisory, with a reason; a withdrawn advisory is frozen.</summary>
internal sealed class WithdrawAdvisory(AdvisoryMoves moves)
{
    public Task<AdvisoryPublication?> ExecuteAsync(Guid incidentId, string? reason, CancellationToken ct) =>
        moves.ApplyAsync(incidentId, (row, _, now) => row.Withdraw(reason ?? "", moves.Actor, now), ct);
}
