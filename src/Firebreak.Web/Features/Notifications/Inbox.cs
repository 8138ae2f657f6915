using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Notifications;

/// <summary>One inbox entry as pages and the API show it.</summary>
[PublicFace]
internal sealed record InboxEntry(Guid Id, string Event, string Label, string Title, string? Severity, string Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>
/// The signed-in person's "waiting for you": their notices, newest first, limited to what they can still see (someone
/// who left a project no longer reads its notices), how many are unread, and marking them read.
/// </summary>
[PublicFace]
internal sealed class Inbox(FirebreakDbContext db, CurrentUser user, ProjectAccess access, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<InboxEntry>> ListAsync(bool unreadOnly, int page, CancellationToken ct)
    {
        var query = Mine();
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(Entry)];
    }

    /// <summary>One page of the person's notices, newest first, and how many there are (counted in SQL).</summary>
    public async Task<Paged<InboxEntry>> PageAsync(bool unreadOnly, Paging paging, CancellationToken ct)
    {
        var query = Mine();
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        return (await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).AsNoTracking().ToPagedAsync(paging, ct)).Select(Entry);
    }

    private static InboxEntry Entry(Notification n) =>
        new(n.Id, n.Event, NotificationEvents.Describe(n.Event).Label, n.Title, n.Severity, n.Link, n.CreatedAt, n.ReadAt);

    public Task<int> UnreadAsync(CancellationToken ct) => Mine().CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marks one notice read and returns where it leads, or null when it is not the caller's.</summary>
    public async Task<string?> OpenAsync(Guid id, CancellationToken ct)
    {
        if (await Mine().SingleOrDefaultAsync(n => n.Id == id, ct) is not { } notice) return null;
        notice.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return notice.Link;
    }

    /// <summary>Marks every unread notice read in one UPDATE (none is loaded); returns how many.</summary>
    public async Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private IQueryable<Notification> Mine()
    {
        var id = user.Id;
        var projects = access.VisibleProjects().Select(p => p.Id);
        var incidents = access.VisibleIncidents().Select(i => i.Id);
        return db.Set<Notification>().Where(n => n.UserId == id
            && (n.IncidentId == null ? projects.Contains(n.ProjectId) : incidents.Contains(n.IncidentId.Value)));
    }
}
