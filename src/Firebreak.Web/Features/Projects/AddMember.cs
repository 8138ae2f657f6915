using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

/// <summary>Gives an existing account access to a project.</summary>
internal sealed class AddMember(FirebreakDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(Project project, string? email, CancellationToken ct)
    {
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw new DomainException($"No account has the e-mail address '{email}'.");
        if (await db.ProjectMembers.AnyAsync(m => m.ProjectId == project.Id && m.UserId == user.Id, ct)) return;
        db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, AddedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
