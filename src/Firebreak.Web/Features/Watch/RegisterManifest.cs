using Firebreak.Domain.Advisories;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Vex;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>Body of <c>PUT /api/v1/projects/{slug}/manifests</c>: the file's path in the repository, its text, and whether it ships.</summary>
internal sealed record ManifestRequest(string? Name, string? Content, bool ReleasePath = true);

/// <summary>
/// Registers (or replaces, by name) a lockfile or SBOM for a project, checks that it reads, and
/// checks it against the advisories at once. A file that does not parse is refused with the
/// reader's located message and nothing is stored.
/// </summary>
internal sealed class RegisterManifest(FirebreakDbContext db, CheckManifest check, AdvisoryLibrary library, TimeProvider time)
{
    public async Task<(WatchedManifest Manifest, IReadOnlyList<Incident> Opened)> ExecuteAsync(Project project, ManifestRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.Name ?? "").Trim().Replace('\\', '/');
        if (name.Length is 0 or > 400 || name.Split('/').Any(part => part is "" or "." or ".."))
            throw new DomainException($"'{request.Name}' is not a file path in the repository (e.g. Cargo.lock or web/package-lock.json).");
        var content = request.Content ?? "";
        if (content.Length == 0) throw new DomainException($"{name} is empty.");
        if (content.Length > WatchedManifest.MaxBytes) throw new DomainException($"{name} is larger than {WatchedManifest.MaxBytes >> 20} MiB.");
        var file = Path.GetFileName(name);
        if (WatchedManifest.IsOpenVex(content)) return await RegisterVexAsync(project, name, content, actor, ct);
        if (!Lockfile.TryDetect(file, out _) && file != "Cargo.lock" && !(file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && SbomReader.LooksLikeSbom(content)))
            throw new DomainException($"{name}: not a lockfile or SBOM Firebreak reads (Cargo.lock, package-lock.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, poetry.lock, requirements*.txt, go.mod, Gemfile.lock, CycloneDX or SPDX JSON).");
        ScannedFile? scanned = null;
        try
        {
            if (library.Current() is var (scanner, _, _)) scanned = scanner.Scan(name, content);
            else if (file == "Cargo.lock") CargoLock.Parse(content, name);
            else if (Lockfile.TryDetect(file, out var format)) Lockfile.Read(format, content, name);
        }
        catch (LockfileFormatException e)
        {
            throw new DomainException(e.Message);
        }
        var now = time.GetUtcNow();
        var manifest = await db.Set<WatchedManifest>().SingleOrDefaultAsync(m => m.ProjectId == project.Id && m.Name == name, ct);
        if (manifest is null) db.Add(manifest = new WatchedManifest(project.Id, name, content, request.ReleasePath, actor, now));
        else manifest.Replace(content, request.ReleasePath, actor, now);
        await db.SaveChangesAsync(ct);
        return await check.ExecuteAsync(manifest.Id, ct, scanned) is { } checkedNow ? (checkedNow.Manifest, checkedNow.Opened) : (manifest, []);
    }

    /// <summary>An OpenVEX document: validated, stored, and every lockfile of the project checked again under its statements.</summary>
    private async Task<(WatchedManifest, IReadOnlyList<Incident>)> RegisterVexAsync(Project project, string name, string content, string actor, CancellationToken ct)
    {
        try
        {
            OpenVexReader.Read(content, name);
        }
        catch (VexFormatException e)
        {
            throw new DomainException(e.Message);
        }
        var now = time.GetUtcNow();
        var manifests = await db.Set<WatchedManifest>().Where(m => m.ProjectId == project.Id).ToListAsync(ct);
        var vex = manifests.SingleOrDefault(m => m.Name == name);
        if (vex is null) db.Add(vex = new WatchedManifest(project.Id, name, content, onReleasePath: false, actor, now));
        else vex.Replace(content, onReleasePath: false, actor, now);
        foreach (var other in manifests) other.Invalidate();
        await db.SaveChangesAsync(ct);
        var opened = new List<Incident>();
        foreach (var other in manifests.Where(m => m.Name != name && !m.IsVex).Select(m => m.Id).ToList())
            opened.AddRange((await check.ExecuteAsync(other, ct))?.Opened ?? []);
        return ((await check.ExecuteAsync(vex.Id, ct))?.Manifest ?? vex, opened);
    }
}
