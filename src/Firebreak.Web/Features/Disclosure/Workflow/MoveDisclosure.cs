using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.Disclosure.Workflow;

/// <summary>Moves the planned disclosure, recording who agreed and why.</summary>
internal sealed class MoveDisclosure(AdvisoryMoves moves)
{
    public Task<Incident?> ExecuteAsync(Guid incidentId, DateTimeOffset? dueAt, string? reason, IReadOnlyList<string>? agreedBy, CancellationToken ct) =>
        moves.ChangeIncidentAsync(incidentId, (incident, _, now) => incident.MoveDisclosure(dueAt ?? throw new DomainException("dueAt: required."), reason ?? "",
            Agreement(agreedBy), moves.Actor, now), ct);

    private static DisclosureAgreement Agreement(IReadOnlyList<string>? parties)
    {
        var agreed = DisclosureAgreement.None;
        foreach (var party in parties ?? []) agreed |= WireNames.Parse<DisclosureAgreement>(party, "agreedBy");
        return agreed;
    }
}
