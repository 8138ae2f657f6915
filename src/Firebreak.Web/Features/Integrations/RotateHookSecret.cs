using System.Security.Cryptography;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Secrets;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// Creates a hook's secret, or replaces it (the old one stops working at once): 256 random bits, given back once and
/// stored protected (<see cref="StoredSecrets"/>), never again readable through the application. Audited.
/// </summary>
internal sealed class RotateHookSecret(FirebreakDbContext db, UnitOfWork unitOfWork, StoredSecrets secrets, AuditTrail audit, TimeProvider time)
{
    public Task<string> ExecuteAsync(Project project, HookSource source, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return unitOfWork.RunAsync(async c =>
        {
            var row = await db.Set<ProjectIntegration>().FindAsync([project.Id], c);
            if (row is null) db.Add(row = new ProjectIntegration(project.Id));
            var replaced = row.ProtectedSecret(source) is not null;
            row.SetSecret(source, secrets.Protect(StoredSecrets.Purposes.WebhookSecret, secret, Binding(project.Id, source)), actor, time.GetUtcNow());
            audit.Record(actor, replaced ? "hook-secret-rotated" : "hook-secret-created", $"project {project.Slug}", $"{source.Name()} hook secret");
            return secret;
        }, ct);
    }

    /// <summary>What binds a protected secret to its project and source: a copy moved to another row does not reveal.</summary>
    public static string[] Binding(Guid projectId, HookSource source) => [projectId.ToString(), source.Name()];
}
