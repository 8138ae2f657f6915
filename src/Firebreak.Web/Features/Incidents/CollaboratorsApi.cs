using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// People invited to one incident only (need-to-know): they read and work that incident and see
/// nothing else of the project. Invitations and removals are recorded in the incident's timeline.
/// </summary>
internal static class CollaboratorsApi
{
    public static RouteGroupBuilder MapCollaboratorsApi(this RouteGroupBuilder api)
    {
        var collaborators = api.MapGroup("/incidents/{id:guid}/collaborators").WithTags("Incidents");
        collaborators.MapGet("", List).RequirePermission(Permission.IncidentRead);
        collaborators.MapPost("", Invite).RequirePermission(Permission.IncidentTriage);
        collaborators.MapDelete("/{email}", Remove).RequirePermission(Permission.IncidentTriage);
        return api;
    }

    /// <summary>
    /// One page of the incident's collaborators by e-mail address, then account id to make the order total (<c>page</c> from 1,
    /// <c>limit</c> up to 200, by default 50), with <c>X-Total-Count</c> and <c>Link</c>.
    /// </summary>
    private static async Task<Results<Ok<CollaboratorJson[]>, NotFound>> List(Guid id, string? page, string? limit, FirebreakDbContext db, HttpContext http,
        CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit);
        var rows = await db.Set<IncidentCollaborator>().AsNoTracking().Where(c => c.IncidentId == id)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Email, u.Id, c.AddedAt, c.AddedBy })
            .OrderBy(r => r.Email).ThenBy(r => r.Id).ToPagedAsync(paging, ct);
        PageLinks.Write(http, rows);
        return TypedResults.Ok(rows.Items.Select(r => new CollaboratorJson(r.Email ?? "", r.AddedAt, r.AddedBy)).ToArray());
    }

    private static async Task<Results<NoContent, NotFound>> Invite(Guid id, CollaboratorRequest request, ProjectAccess access,
        FirebreakDbContext db, CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var normalized = (request.Email ?? "").Trim().ToUpperInvariant();
        var account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new DomainException($"No account has the e-mail address '{request.Email}'.");
        if (await db.Set<IncidentCollaborator>().AnyAsync(c => c.IncidentId == id && c.UserId == account.Id, ct)) return TypedResults.NoContent();
        var now = time.GetUtcNow();
        db.Add(new IncidentCollaborator(id, account.Id, user.Name, now));
        incident.AddNote($"Invited {account.Email} to this incident as a collaborator", user.Name, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid id, string email, ProjectAccess access, FirebreakDbContext db,
        CurrentUser user, TimeProvider time, CancellationToken ct)
    {
        if (await access.FindIncidentAsync(id, withTimeline: false, ct) is not { } incident) return TypedResults.NotFound();
        var normalized = email.Trim().ToUpperInvariant();
        var row = await db.Set<IncidentCollaborator>().Where(c => c.IncidentId == id)
            .Join(db.Users.Where(u => u.NormalizedEmail == normalized), c => c.UserId, u => u.Id, (c, _) => c).SingleOrDefaultAsync(ct);
        if (row is null) return TypedResults.NotFound();
        db.Remove(row);
        incident.AddNote($"Removed collaborator {email.Trim()}", user.Name, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

internal sealed record CollaboratorRequest(string? Email);

internal sealed record CollaboratorJson(string Email, DateTime AddedAt, string AddedBy);
