using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>Changes an action item (any field, or its status with a reason) and records what changed in its incident's timeline.</summary>
internal sealed class ChangeActionItem(FirebreakDbContext db, ActionItemQueries queries, ProjectAccess access, CurrentUser user, TimeProvider time)
{
    /// <summary>The item and its incident after the change, or null when the caller cannot see such an item.</summary>
    public async Task<(ActionItem Item, Incident Incident)?> ExecuteAsync(Guid itemId, ChangeActionItemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Set<ActionItem>().SingleOrDefaultAsync(a => a.Id == itemId, ct) is not { } item) return null;
        if (await access.FindIncidentAsync(item.IncidentId, withTimeline: false, ct) is not { } incident) return null;
        var status = request.Status is null ? (ActionItemStatus?)null : WireNames.Parse<ActionItemStatus>(request.Status, "action item status");
        string? ownerId = null, ownerEmail = null;
        if (request.Owner is not null) (ownerId, ownerEmail) = await queries.MemberAsync(item.ProjectId, request.Owner, "owner", ct);
        var now = time.GetUtcNow();
        var changes = item.Change(request.Title, ownerId, ownerEmail, request.DueAt, request.Link, status, request.Reason, request.Version, now);
        if (changes.Count == 0) return (item, incident);
        incident.RecordFollowUp(TimelineKind.ActionItem, $"Action item {AddActionItem.Short(item.Id)}: {string.Join("; ", changes)}", user.Name, now);
        await db.SaveChangesAsync(ct);
        return (item, incident);
    }
}
