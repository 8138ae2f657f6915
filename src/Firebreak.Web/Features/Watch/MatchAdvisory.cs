using Firebreak.Domain.Advisories;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Vex;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>A component of a watched manifest that an announced advisory affects, and the incident it came to (release path only).</summary>
/// <param name="Manifest">The manifest's name.</param>
/// <param name="Component">The component's package URL.</param>
/// <param name="IncidentId">The incident, new or found; null off the release path or when a VEX statement settles it.</param>
/// <param name="Opened">Whether this match opened the incident.</param>
[PublicFace]
internal sealed record AdvisoryMatch(string Manifest, string Component, Guid? IncidentId, bool Opened);

/// <summary>
/// One advisory a forge announces (GitHub's advisory database through a webhook) checked against every manifest the
/// project watches, as an advisory-feed refresh checks them: the watch's own scanner and matcher with the record as the
/// only advisory, the KEV catalog of the watch's index, the project's VEX statements, and on the release path the
/// watch's incident (<c>kev-match</c> or <c>compromised-dependency</c>), one per vulnerability whichever source saw it
/// first. Findings are not recorded as the watch's (the next refresh records them once the feed carries the advisory).
/// Runs inside the caller's unit of work.
/// </summary>
[PublicFace]
internal sealed class MatchAdvisory(FirebreakDbContext db, AdvisoryLibrary library, OpenIncident open)
{
    /// <summary>The KEV entry of any of the ids in the catalog the watch uses, or null (none, or no index configured).</summary>
    public KevEntry? KnownExploited(IEnumerable<string> ids) => library.Current()?.Index.Kev?.Find(ids);

    public async Task<IReadOnlyList<AdvisoryMatch>> ExecuteAsync(Project project, OsvAdvisory advisory, IncidentSource source, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(advisory);
        var kev = library.Current()?.Index.Kev;
        var scanner = new DependencyScanner([], new OsvMatcher([advisory], kev), kev);
        var manifests = await db.Set<WatchedManifest>().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Name).ToListAsync(ct);
        List<VexStatement> statements = [.. manifests.Where(m => WatchedManifest.IsOpenVex(m.Content)).SelectMany(m => OpenVexReader.Read(m.Content, m.Name).Statements)];
        var matches = new List<AdvisoryMatch>();
        foreach (var manifest in manifests.Where(m => !m.IsVex))
        {
            ScannedFile file;
            try
            {
                file = scanner.Scan(manifest.Name, manifest.Content);
            }
            catch (LockfileFormatException)
            {
                continue; // refused at registration already; the watch reports it there
            }
            foreach (var finding in VexMatcher.Apply(file.Findings, statements))
            {
                if (!manifest.OnReleasePath || finding.Suppression is not null)
                {
                    matches.Add(new AdvisoryMatch(manifest.Name, finding.Component.ToString(), null, false));
                    continue;
                }
                var result = await open.OpenOrFindAsync(project, CheckManifest.Opening(finding, manifest, source, actor), null, ct);
                await db.SaveChangesAsync(ct); // inside the caller's transaction: the next finding's lookup sees this one's aliases
                matches.Add(new AdvisoryMatch(manifest.Name, finding.Component.ToString(), result.IncidentId, result.Opened is not null));
            }
        }
        return matches;
    }
}
