namespace Firebreak.Web.Features.Incidents.Closing;

/// <summary>
/// Body of <c>POST /api/v1/incidents/{id}/close</c>. <c>resolution</c> is <c>closed</c> (the default: every unfinished item
/// needs its decision), <c>rejected</c> (with a <c>reason</c>) or <c>duplicate</c> (with <c>duplicateOf</c>); the last two
/// end the incident directly. <c>steps</c> maps a pending step's id to <c>done</c> or <c>skipped</c> (with a reason);
/// <c>postMortem</c> is <c>waived</c> with a reason unless the board signed it off; <c>actionItems</c> maps an open item's id to
/// <c>done</c> or <c>deferred</c> (with a reason). <c>skipRemaining</c>, a reason, skips every pending step the request gives
/// no outcome for, with that one reason. <c>version</c>, when given, is the incident's version the closer read: if
/// it changed since, nothing is written (409).
/// </summary>
internal sealed record CloseIncidentRequest(int? Version, string? Resolution, string? Reason, Guid? DuplicateOf,
    IReadOnlyDictionary<string, ClosingDecision?>? Steps, ClosingDecision? PostMortem, IReadOnlyDictionary<string, ClosingDecision?>? ActionItems, string? Note,
    string? SkipRemaining = null);

/// <summary>One decision at a close: what became of the item, and why (required for skipped, waived and deferred).</summary>
internal sealed record ClosingDecision(string? Outcome, string? Reason);

/// <summary>Body of <c>POST /api/v1/incidents/{id}/reopen</c>.</summary>
internal sealed record ReopenIncidentRequest(string? Reason);

/// <summary>What <c>GET /api/v1/incidents/{id}/closing</c> shows: the incident's state and what a close would have to settle.</summary>
internal sealed record ClosingJson(Guid Id, int Number, string Stage, int Version, DateTime? ClosedAt, bool Closed,
    IReadOnlyList<PendingStepJson> Steps, PostMortemStateJson PostMortem, IReadOnlyList<OpenItemJson> ActionItems)
{
    public static ClosingJson From(Domain.Incidents.Incident incident, ClosingChecklist? list) => new(
        incident.Id, incident.Number, Domain.Common.WireNames.ToWire(incident.Stage), incident.Version, incident.ClosedAt, incident.IsClosed,
        list is null ? [] : [.. list.Steps.Select(s => new PendingStepJson(s.Id, s.Title, s.IsDecision ? "decision" : "task", s.WaitingOn))],
        new PostMortemStateJson(list?.PostMortem.Written ?? false, list?.PostMortem.SignedOff ?? false, list?.PostMortemUnfinished ?? false),
        list is null ? [] : [.. list.ActionItems.Select(a => new OpenItemJson(a.Item.Id, a.Item.Title, a.Owner, a.Item.DueAt))]);
}

internal sealed record PendingStepJson(string Id, string Title, string Kind, string? WaitingOn);

internal sealed record PostMortemStateJson(bool Written, bool SignedOff, bool Unfinished);

internal sealed record OpenItemJson(Guid Id, string Title, string Owner, DateTime DueAt);
