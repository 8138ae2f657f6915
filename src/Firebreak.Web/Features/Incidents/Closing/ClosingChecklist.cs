using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Web.Features.PostMortems;
using Firebreak.Web.Infrastructure.Playbooks;

namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>A pending step of the incident's active playbook run, as the close lists it.</summary>
internal sealed record PendingStep(string Id, string Title, bool IsDecision, string? WaitingOn);

/// <summary>
/// Everything unfinished on an incident, which a close must settle: the pending steps of its active run (in playbook
/// order, a step gated by an unanswered decision included), the post-mortem unless the board signed it off, and the open
/// action items. A rejected or duplicate incident has no list: it closed directly.
/// </summary>
internal sealed record ClosingChecklist(IReadOnlyList<PendingStep> Steps, PostMortemAtClose PostMortem, IReadOnlyList<FollowUpAtClose> ActionItems)
{
    /// <summary>True when the post-mortem must be waived (it was not signed off).</summary>
    public bool PostMortemUnfinished => !PostMortem.SignedOff;

    public bool IsEmpty => Steps.Count == 0 && !PostMortemUnfinished && ActionItems.Count == 0;

    public static async Task<ClosingChecklist> ForAsync(Incident incident, PlaybookLibrary library, FollowUpsAtClose followUps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var definition = incident.ActiveRun is { } run ? library.Catalog.Find(run.PlaybookId) : null;
        var steps = incident.PendingSteps.Select(s =>
        {
            var step = definition?.Step(s.StepId);
            var waiting = definition is null ? null : incident.ActiveRun!.WaitingOn(definition, s.StepId)?.Title;
            return new PendingStep(s.StepId, step?.Title ?? s.StepId, step?.Kind == StepKind.Decision, waiting);
        }).ToList();
        return new(steps, await followUps.PostMortemAsync(incident.Id, ct), await followUps.OpenItemsAsync(incident.Id, ct));
    }
}
