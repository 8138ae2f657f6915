using System.Globalization;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Archive;

/// <summary>
/// Every incident of a project in one ZIP, for a backup or a move to another instance: a folder per incident
/// (<c>incidents/0012-{id}/</c>) holding that incident's whole bundle, its own manifest and signature included, then a
/// top-level <c>public-key.pem</c>, <c>manifest.json</c> listing every file above it and <c>signature.json</c>. One
/// incident is held in memory at a time; the ZIP is written to a temporary file that deletes itself when the response
/// is done, so a large project costs disk, not memory, and a failure half-way never reaches the client as a cut file.
/// </summary>
internal sealed class ProjectArchive(FirebreakDbContext db, IncidentBundle bundles, BundleSeal seal)
{
    /// <summary>The archive as a readable stream positioned at its start (the caller disposes it, which deletes the file).</summary>
    public async Task<Stream> WriteAsync(Project project, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"firebreak-archive-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var listed = new List<(string Path, long Size, string Sha256)>();
            var ids = await db.Incidents.AsNoTracking().Where(i => i.ProjectId == project.Id).OrderBy(i => i.Number).Select(i => i.Id).ToListAsync(ct);
            await using (var zip = new DeterministicZip(file))
            {
                foreach (var id in ids)
                {
                    var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, ct);
                    var folder = $"incidents/{incident.Number.ToString("D4", CultureInfo.InvariantCulture)}-{incident.Id:D}/";
                    foreach (var part in await bundles.BuildAsync(project, incident, baseUrl, ct))
                    {
                        await zip.AddAsync(folder + part.Path, part.Content, ct);
                        listed.Add((folder + part.Path, part.Content.Length, BundleSeal.Digest(part.Content)));
                    }
                    db.ChangeTracker.Clear();
                }
                var key = System.Text.Encoding.ASCII.GetBytes(seal.PublicKeyPem);
                await zip.AddAsync(BundleSeal.PublicKey, key, ct);
                listed.Add((BundleSeal.PublicKey, key.Length, BundleSeal.Digest(key)));
                var manifest = BundleSeal.ManifestOf(listed, json =>
                {
                    json.WriteString("format", "firebreak-archive/1");
                    json.WriteString("kind", "project");
                    json.WriteString("project", project.Slug);
                    json.WriteNumber("incidents", ids.Count);
                });
                await zip.AddAsync(BundleSeal.Manifest, manifest, ct);
                await zip.AddAsync(BundleSeal.Signature, seal.Sign(manifest), ct);
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static string FileName(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return $"{project.Slug}-record.zip";
    }
}
