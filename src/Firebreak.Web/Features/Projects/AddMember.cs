using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>Gives an existing account a role in a project, or changes the role it has.</summary>
internal sealed class AddMember(FirebreakDbContext db, TimeProvider time, AuditTrail audit, CurrentUser actor)
{
    public async Task ExecuteAsync(Project project, string? email, string? role, CancellationToken ct)
    {
        var access = WireNames.Parse<AccessRole>(role ?? "incident-manager", "role");
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new DomainException($"No account has the e-mail address '{email}'.");
        var existing = await db.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == project.Id && m.UserId == user.Id, ct);
        audit.Record(actor.Name, "member-role", $"project {project.Slug}",
            $"{user.Email}: {(existing is null ? "none" : existing.Role.ToWire())} → {access.ToWire()}");
        if (existing is not null) existing.ChangeRole(access);
        else db.ProjectMembers.Add(new ProjectMember(project.Id, user.Id, access, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
