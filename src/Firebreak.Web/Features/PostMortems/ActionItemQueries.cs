using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Action items as people look for them: on one incident, open across a project ("open follow-ups"), and open for one
/// owner across every incident they can see (the dashboard). Owners are shown by e-mail; an item whose owner account is
/// gone shows the account id.
/// </summary>
internal sealed class ActionItemQueries(FirebreakDbContext db, ProjectAccess access, TimeProvider time)
{
    public Task<IReadOnlyList<ActionItemJson>> ForIncidentAsync(Incident incident, CancellationToken ct) => ForIncidentAsync(incident, time.GetUtcNow(), ct);

    /// <summary>The incident's items with their clocks as they stood at <paramref name="asOf"/> (the archive states them at the record's last event).</summary>
    public async Task<IReadOnlyList<ActionItemJson>> ForIncidentAsync(Incident incident, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = await db.Set<ActionItem>().Where(a => a.IncidentId == incident.Id).ToListAsync(ct);
        return await ShowAsync([.. items.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)], new Dictionary<Guid, int> { [incident.Id] = incident.Number }, asOf, ct);
    }

    /// <summary>The open items of a project's incidents, soonest due first.</summary>
    public async Task<IReadOnlyList<ActionItemJson>> OpenInProjectAsync(Guid projectId, CancellationToken ct)
    {
        var items = await db.Set<ActionItem>().Where(a => a.ProjectId == projectId && a.Status == ActionItemStatus.Open).ToListAsync(ct);
        return await ShowAsync([.. items.OrderBy(a => a.DueAt).ThenBy(a => a.Id)], await NumbersAsync(items, ct), ct);
    }

    /// <summary>The open items the signed-in account owns, on incidents it can still see, soonest due first.</summary>
    public async Task<IReadOnlyList<ActionItemJson>> OpenForOwnerAsync(string ownerId, CancellationToken ct)
    {
        var visible = access.VisibleIncidents().Select(i => i.Id);
        var items = await db.Set<ActionItem>().Where(a => a.OwnerId == ownerId && a.Status == ActionItemStatus.Open && visible.Contains(a.IncidentId)).ToListAsync(ct);
        return await ShowAsync([.. items.OrderBy(a => a.DueAt).ThenBy(a => a.Id)], await NumbersAsync(items, ct), ct);
    }

    /// <summary>The account of a project member named by e-mail; anyone else is refused by name.</summary>
    public async Task<(string Id, string Email)> MemberAsync(Guid projectId, string? email, string field, CancellationToken ct)
    {
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        if (normalized.Length == 0) throw new DomainException($"{field}: required (the e-mail address of a project member).");
        var member = await db.Users.Where(u => u.NormalizedEmail == normalized && db.ProjectMembers.Any(m => m.ProjectId == projectId && m.UserId == u.Id))
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        return member is null
            ? throw new DomainException($"{field}: '{Shown(email!.Trim())}' is not a member of this project.")
            : (member.Id, member.Email ?? email!.Trim());
    }

    /// <summary>The project's members as owners can be picked from (e-mail, sorted).</summary>
    public async Task<IReadOnlyList<string>> MemberEmailsAsync(Guid projectId, CancellationToken ct) =>
        (await db.Users.Where(u => db.ProjectMembers.Any(m => m.ProjectId == projectId && m.UserId == u.Id)).Select(u => u.Email).ToListAsync(ct))
            .OfType<string>().Order(StringComparer.OrdinalIgnoreCase).ToList();

    private async Task<Dictionary<Guid, int>> NumbersAsync(List<ActionItem> items, CancellationToken ct)
    {
        var ids = items.Select(a => a.IncidentId).Distinct().ToList();
        return await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
    }

    private async Task<IReadOnlyList<ActionItemJson>> ShowAsync(List<ActionItem> items, Dictionary<Guid, int> numbers, CancellationToken ct) =>
        await ShowAsync(items, numbers, time.GetUtcNow(), ct);

    private async Task<IReadOnlyList<ActionItemJson>> ShowAsync(List<ActionItem> items, Dictionary<Guid, int> numbers, DateTimeOffset now, CancellationToken ct)
    {
        var ownerIds = items.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        return [.. items.Select(a => ActionItemJson.From(a, numbers.GetValueOrDefault(a.IncidentId), owners.GetValueOrDefault(a.OwnerId, a.OwnerId), now))];
    }

    private static string Shown(string text) => text.Length <= 60 ? new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]) : text[..60] + "…";
}
