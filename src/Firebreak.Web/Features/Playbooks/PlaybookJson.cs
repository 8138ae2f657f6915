using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Web.Features.Playbooks;

/// <summary>A playbook definition as the API shows it (steps omitted in lists).</summary>
internal sealed record PlaybookJson(string Id, string Title, string? Description, IReadOnlyList<string> Triggers, bool UserSafety,
    string Source, IReadOnlyList<PlaybookStepJson>? Steps)
{
    public static PlaybookJson Summary(PlaybookDefinition p) =>
        new(p.Id, p.Title, p.Description, [.. p.Triggers.Select(t => t.ToWire())], p.UserSafety, p.Source, null);

    public static PlaybookJson From(PlaybookDefinition p) => Summary(p) with
    {
        Steps = [.. p.Steps.Select(s => new PlaybookStepJson(s.Id, s.Title, s.Kind.ToWire(), s.Role.Name,
            s.Deadline is { } d ? DurationText.Format(d) : null, s.Stage?.ToWire(), s.Marks?.ToWire(), s.Guidance,
            [.. s.Evidence.Select(e => new EvidenceJson(e.Id, e.Label, e.Kind.ToWire(), e.Required, e.Choices))],
            [.. s.Options.Select(o => new OptionJson(o.Id, o.Label, o.Next, o.Handover is { } h ? $"{h.PlaybookId}#{h.StepId}" : null))]))],
    };
}

internal sealed record PlaybookStepJson(string Id, string Title, string Kind, string Role, string? Deadline, string? Stage, string? Marks,
    string Guidance, IReadOnlyList<EvidenceJson> Evidence, IReadOnlyList<OptionJson> Options);

internal sealed record EvidenceJson(string Id, string Label, string Kind, bool Required, IReadOnlyList<string> Choices);

internal sealed record OptionJson(string Id, string Label, IReadOnlyList<string> Next, string? Handover);
