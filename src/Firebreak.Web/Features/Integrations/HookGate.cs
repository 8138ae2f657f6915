using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// Who a delivery is from, decided before anything reads its body as JSON: the project its address names, holding a
/// secret for the source, under which the raw body's signature checks. An unknown project, a hook never set up, a
/// missing or wrong signature are all the same refusal, so a caller learns nothing about which it was.
/// </summary>
internal sealed class HookGate(FirebreakDbContext db, StoredSecrets secrets)
{
    public async Task<Project?> AdmitAsync(string slug, HookSource source, string? signature, byte[] body, CancellationToken ct)
    {
        if (signature is null) return null;
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (project is null) return null;
        var stored = await db.Set<ProjectIntegration>().AsNoTracking().Where(i => i.ProjectId == project.Id)
            .Select(i => source == HookSource.GitHub ? i.GitHubSecret : i.GenericSecret).SingleOrDefaultAsync(ct);
        if (stored is null || secrets.Reveal(StoredSecrets.Purposes.WebhookSecret, stored, RotateHookSecret.Binding(project.Id, source)) is not { } secret) return null;
        return HookSignature.Matches(signature, secret, body) ? project : null;
    }
}
