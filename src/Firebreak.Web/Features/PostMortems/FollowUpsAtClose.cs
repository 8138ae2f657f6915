using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>Where an incident's post-mortem stands when someone closes the incident.</summary>
[PublicFace]
internal sealed record PostMortemAtClose(bool Written, bool SignedOff, string? SignedOffBy, DateTime? SignedOffAt);

/// <summary>An open action item as the close lists it: the tracked item (changed in the closer's transaction) and its owner's e-mail.</summary>
[PublicFace]
internal sealed record FollowUpAtClose(ActionItem Item, string Owner);

/// <summary>
/// What the close of an incident needs from this feature (part of its public face): the post-mortem's sign-off and the
/// open action items, and settling one item as done or deferred. Nothing here saves: the close is one transaction, and
/// the caller saves the incident, its timeline and the items together.
/// </summary>
[PublicFace]
internal sealed class FollowUpsAtClose(FirebreakDbContext db)
{
    public async Task<PostMortemAtClose> PostMortemAsync(Guid incidentId, CancellationToken ct)
    {
        var postMortem = await SavePostMortem.FindAsync(db, incidentId, ct);
        return new(postMortem is not null, postMortem?.IsSignedOff == true, postMortem?.SignedOffBy, postMortem?.SignedOffAt);
    }

    /// <summary>The incident's open items in the order they were added.</summary>
    public async Task<IReadOnlyList<FollowUpAtClose>> OpenItemsAsync(Guid incidentId, CancellationToken ct)
    {
        var items = await db.Set<ActionItem>().Where(a => a.IncidentId == incidentId && a.Status == ActionItemStatus.Open).ToListAsync(ct);
        var owners = items.Select(a => a.OwnerId).Distinct().ToList();
        var emails = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        return [.. items.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => new FollowUpAtClose(a, emails.GetValueOrDefault(a.OwnerId, a.OwnerId)))];
    }

    /// <summary>
    /// Done: the item is marked done (its clock stops). Deferred: it stays open, owned and due as it was, and is listed among the
    /// project's open follow-ups after the close; the reason goes on the incident's timeline (sealed like every entry).
    /// </summary>
    public static void Settle(Incident incident, ActionItem item, bool done, string? reason, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(item);
        if (done)
        {
            var changes = item.Change(null, null, null, null, null, ActionItemStatus.Done, reason, null, now);
            if (changes.Count > 0) incident.RecordFollowUp(TimelineKind.ActionItem, $"Action item {AddActionItem.Short(item.Id)}: {string.Join("; ", changes)} at closing", actor, now);
            return;
        }
        var why = Incident.CheckClosingReason(reason, $"actionItems.{item.Id}");
        incident.RecordFollowUp(TimelineKind.ActionItem, $"Action item {AddActionItem.Short(item.Id)} deferred past the close: {why}", actor, now);
    }
}
