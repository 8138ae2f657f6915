using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/action-items</c>: title, owner (a project member's e-mail), due instant, tracker link.</summary>
internal sealed record NewActionItemRequest(string? Title, string? Owner, DateTimeOffset? DueAt, string? Link);

/// <summary>
/// Body of <c>PATCH /api/v1/action-items/{itemId}</c>: any of title, owner, dueAt, link (empty clears it), status
/// (open, done, won't-do) with reason; <c>version</c>, when given, refuses the change if the item changed since.
/// </summary>
internal sealed record ChangeActionItemRequest(string? Title, string? Owner, DateTimeOffset? DueAt, string? Link, string? Status, string? Reason, int? Version);

/// <summary>An action item as the API shows it, with its due-date clock.</summary>
internal sealed record ActionItemJson(Guid Id, Guid Incident, int IncidentNumber, string Title, string Owner, DateTime DueAt, string? Link, string Status,
    string? Reason, string ClockState, long RemainingSeconds, DateTime CreatedAt, string CreatedBy, DateTime? ClosedAt, int Version)
{
    public static ActionItemJson From(ActionItem item, int incidentNumber, string owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var clock = item.Clock;
        return new(item.Id, item.IncidentId, incidentNumber, item.Title, owner, item.DueAt, item.Link, item.Status.ToWire(), item.Reason,
            clock.StateAt(now).ToWire(), (long)Math.Floor(clock.RemainingAt(now).TotalSeconds), item.CreatedAt, item.CreatedBy, item.ClosedAt, item.Version);
    }
}
