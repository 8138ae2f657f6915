using System.Globalization;
using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Infrastructure.Auth;

namespace Firebreak.Web.Features.Projects;

/// <summary>
/// Replaces what a project publishes advisories about: its packages (package URLs, checked by the purl parser; the
/// advisory editor offers them as affected packages) and the CNA organisation id its CVE records carry. Audited.
/// </summary>
internal sealed class ChangePublishing(FirebreakDbContext db, AuditTrail audit, CurrentUser actor)
{
    public async Task ExecuteAsync(Project project, IEnumerable<string?>? packages, string? cveOrgId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var org = ParseOrgId(cveOrgId);
        project.ChangePublishing(packages, org);
        audit.Record(actor.Name, "project-publishing", $"project {project.Slug}",
            $"packages: {(project.Packages.Count == 0 ? "none" : string.Join(", ", project.Packages))}; CNA organisation: {org?.ToString("D") ?? "none"}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An empty or missing id clears it; anything else must be a UUID.</summary>
    public static Guid? ParseOrgId(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return Guid.TryParseExact(text, "D", out var id) ? id
            : throw new DomainException($"cveOrgId: '{Excerpt.Clip(text, 60)}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
    }

    internal static string Show(Guid? id) => id?.ToString("D", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Body of <c>PUT /api/v1/projects/{slug}/publishing</c>: the packages as package URLs and the CNA organisation UUID (null or empty for none).</summary>
internal sealed record PublishingRequest(IReadOnlyList<string?>? Packages, string? CveOrgId);
