using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Adds a follow-up to an incident, owned by a member of its project. The incident's timeline records the owner and the
/// due date; the title stays in the item's sealed column.
/// </summary>
internal sealed class AddActionItem(FirebreakDbContext db, ActionItemQueries queries, CurrentUser user, TimeProvider time)
{
    public async Task<ActionItem> ExecuteAsync(Incident incident, NewActionItemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (ownerId, ownerEmail) = await queries.MemberAsync(incident.ProjectId, request.Owner, "owner", ct);
        var item = ActionItem.Create(incident, request.Title, ownerId, request.DueAt, request.Link, user.Name, now);
        db.Add(item);
        incident.RecordFollowUp(TimelineKind.ActionItem, $"Action item {Short(item.Id)} added: owner {ownerEmail}, due {item.DueAt:u}", user.Name, now);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>The last eight hex digits of an item's id: the random part, enough to tell items apart in a timeline.</summary>
    public static string Short(Guid id) => id.ToString("N")[^8..];
}
