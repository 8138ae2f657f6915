using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Web.Features.Incidents;

/// <summary>A playbook run and its checklist as the API shows it.</summary>
internal sealed record RunJson(Guid Id, string PlaybookId, string? Title, DateTime StartedAt, DateTime? EndedAt, string? EndReason,
    IReadOnlyList<StepJson> Steps)
{
    public static RunJson From(PlaybookRun run, PlaybookCatalog catalog)
    {
        var definition = catalog.Find(run.PlaybookId);
        return new(run.Id, run.PlaybookId, definition?.Title, run.StartedAt, run.EndedAt, run.EndReason,
            [.. run.Steps.OrderBy(s => s.Position).Select(s =>
            {
                var step = definition?.Steps.FirstOrDefault(d => d.Id == s.StepId);
                var actionable = definition is not null && run.EndedAt is null && s.Status == StepStatus.Pending && run.IsActionable(definition, s.StepId);
                return new StepJson(s.StepId, step?.Title, step?.Kind.ToWire() ?? "task", step?.Role.Name, s.Status.ToWire(), actionable,
                    s.Actor, s.At, s.Reason, s.DecisionOptionId, s.Evidence);
            })]);
    }
}

internal sealed record StepJson(string Id, string? Title, string Kind, string? Role, string Status, bool Actionable,
    string? Actor, DateTime? At, string? Reason, string? Decision, IReadOnlyDictionary<string, string> Evidence);
