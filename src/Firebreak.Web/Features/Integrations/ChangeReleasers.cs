using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;

namespace Firebreak.Web.Features.Integrations;

/// <summary>Replaces the project's allowed releasers (checked, a <see cref="Domain.Common.DomainException"/> names a bad login). Audited.</summary>
internal sealed class ChangeReleasers(FirebreakDbContext db, UnitOfWork unitOfWork, AuditTrail audit)
{
    public Task<IReadOnlyList<string>> ExecuteAsync(Project project, IEnumerable<string?>? logins, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var list = logins?.ToList() ?? [];
        new ProjectIntegration(project.Id).AllowReleasers(list); // refused before any write
        return unitOfWork.RunAsync<IReadOnlyList<string>>(async c =>
        {
            var row = await db.Set<ProjectIntegration>().FindAsync([project.Id], c);
            if (row is null) db.Add(row = new ProjectIntegration(project.Id));
            row.AllowReleasers(list);
            audit.Record(actor, "releasers-changed", $"project {project.Slug}",
                row.AllowedReleasers.Count == 0 ? "no allowed releasers: releases are not judged" : "allowed releasers: " + string.Join(", ", row.AllowedReleasers));
            return row.AllowedReleasers;
        }, ct);
    }
}
