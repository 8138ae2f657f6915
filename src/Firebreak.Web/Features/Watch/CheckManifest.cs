using System.Globalization;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Vex;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Watch;

/// <summary>
/// Checks one watched manifest against the advisory index: records each vulnerable component,
/// resolves what disappeared, and for findings on the release path opens the playbook's incident —
/// <c>kev-match</c> when the flaw is known exploited, else <c>compromised-dependency</c> — once per
/// vulnerability and project, with the finding, the path and the fixed version in its summary.
/// </summary>
internal sealed class CheckManifest(FirebreakDbContext db, UnitOfWork unitOfWork, AdvisoryLibrary library, OpenIncident open, TimeProvider time)
{
    public const string Actor = "firebreak watch";

    /// <summary>
    /// Checks the stored manifest <paramref name="manifestId"/> in one unit of work (retried whole
    /// if it loses a race); null when no advisory index is configured.
    /// </summary>
    // scanned: the manifest already scanned by the caller (registration validates by scanning), so it is not read twice.
    public async Task<ManifestCheck?> ExecuteAsync(Guid manifestId, CancellationToken ct, ScannedFile? scanned = null)
    {
        if (library.Current() is not var (scanner, _, stamp)) return null;
        return await unitOfWork.RunAsync(async c =>
        {
            var manifest = await db.Set<WatchedManifest>().SingleAsync(m => m.Id == manifestId, c);
            if (manifest.IsVex)
            {
                manifest.Checked(stamp, 0, time.GetUtcNow());
                return new ManifestCheck(manifest, []);
            }
            var statements = await VexStatementsAsync(manifest.ProjectId, c);
            var file = scanned ?? scanner.Scan(manifest.Name, manifest.Content);
            var findings = VexMatcher.Apply(file.Findings, statements);
            var project = await db.Projects.SingleAsync(p => p.Id == manifest.ProjectId, c);
            var rows = await db.Set<DependencyFinding>().Where(f => f.ManifestId == manifest.Id).ToDictionaryAsync(f => f.Key, c);
            var now = time.GetUtcNow();
            var opened = new List<Incident>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                var key = $"{finding.Component}|{finding.AdvisoryId}";
                if (!seen.Add(key)) continue;
                if (!rows.TryGetValue(key, out var row))
                {
                    row = new DependencyFinding(manifest.ProjectId, manifest.Id, key, now);
                    db.Add(row);
                    rows[key] = row;
                }
                Fill(row, finding, manifest, now);
                if (manifest.OnReleasePath && row.IncidentId is null && row.Suppressed is null)
                {
                    var result = await open.OpenOrFindAsync(project, Opening(finding, manifest, IncidentSource.Watch, Actor), null, c);
                    row.IncidentId = result.IncidentId;
                    if (result.Opened is { } incident) opened.Add(incident);
                }
            }
            foreach (var gone in rows.Values.Where(r => !seen.Contains(r.Key) && r.ResolvedAt is null)) gone.ResolvedAt = now.UtcDateTime;
            manifest.Checked(stamp, file.ComponentCount, now);
            return new ManifestCheck(manifest, opened);
        }, ct);
    }

    private static void Fill(DependencyFinding row, ScanFinding finding, WatchedManifest manifest, DateTimeOffset now)
    {
        row.Component = finding.Component.ToString();
        row.AdvisoryId = finding.AdvisoryId;
        row.Ids = string.Join(' ', finding.Ids.Select(i => i.ToUpperInvariant()).Distinct());
        row.Title = finding.Title.Length > 1000 ? finding.Title[..1000] : finding.Title;
        row.FixedVersion = finding.FixedVersion;
        // The advisory's rating; a known-exploited flaw without one is critical, as the incident it opens is, never "unknown".
        row.Severity = FindingSeverities.From(finding.Severity.Level ?? (finding.Kev is not null ? Firebreak.Domain.Cvss.CvssSeverity.Critical : null));
        row.Score = finding.Severity.Score;
        row.KevCve = finding.Kev?.CveId;
        row.KevDueDate = finding.Kev?.DueDate;
        row.KevRansomware = finding.Kev?.KnownRansomwareCampaignUse;
        row.Path = string.Join(" → ", finding.DependencyPath);
        row.OnReleasePath = manifest.OnReleasePath;
        row.HelpUri = finding.HelpUri;
        row.LastSeenAt = now.UtcDateTime;
        row.ResolvedAt = null;
        row.Suppressed = finding.Suppression is { } s ? $"{VexTerms.ToText(s.Status)} ({s.Vulnerability}): {s.Reason}" : null;
    }

    /// <summary>The statements of every OpenVEX document the project registered.</summary>
    private async Task<List<VexStatement>> VexStatementsAsync(Guid projectId, CancellationToken ct)
    {
        var documents = await db.Set<WatchedManifest>().Where(m => m.ProjectId == projectId).Select(m => new { m.Name, m.Content }).ToListAsync(ct);
        return [.. documents.Where(d => WatchedManifest.IsOpenVex(d.Content)).SelectMany(d => OpenVexReader.Read(d.Content, d.Name).Statements)];
    }

    /// <summary>
    /// What the watch knows about the incident a finding on the release path calls for: one per vulnerability and project
    /// (also what <see cref="MatchAdvisory"/> opens for an advisory a forge announces, under its own source and actor).
    /// </summary>
    internal static IncidentOpening Opening(ScanFinding finding, WatchedManifest manifest, IncidentSource source, string actor)
    {
        var ids = finding.Ids.Select(i => i.ToUpperInvariant()).Distinct().ToArray();
        var kind = finding.Kev is not null ? IncidentKind.KevMatch : IncidentKind.CompromisedDependency;
        // Known exploited: Critical. Unrated on the release path: High until someone triages it.
        var severity = finding.Kev is not null ? Severity.Critical : finding.Severity.Level is { } level ? Severities.FromCvss(level) : Severity.High;
        var identifiers = ids.Where(IsIncidentIdentifier).ToList();
        return new IncidentOpening(kind, Title(finding), Summary(finding, manifest), severity, source, actor)
        {
            Details = identifiers.Count > 0 ? new IncidentDetails(null, null, [], finding.Component.Version, finding.FixedVersion, identifiers) : null,
            Aliases = ids,
        };
    }

    /// <summary>CVE and GHSA ids go into the incident's details; others (RUSTSEC, PYSEC, …) stay in the summary.</summary>
    private static bool IsIncidentIdentifier(string id) => CveId.TryParse(id, out _) || GhsaId.TryParse(id, out _);

    private static string Title(ScanFinding f)
    {
        var title = $"{f.Component.Name} {f.Component.Version}: {f.AdvisoryId}" + (f.Kev is not null ? " (known exploited)" : "");
        return title.Length <= 200 ? title : title[..200];
    }

    private static string Summary(ScanFinding f, WatchedManifest manifest)
    {
        var lines = new List<string>
        {
            $"`{f.Component}` in `{manifest.Name}` (on the release path) is affected by **{f.AdvisoryId}**" +
                (f.Aliases.Count > 0 ? $" ({string.Join(", ", f.Aliases)})" : "") + (f.Title.Length > 0 ? $": {f.Title}" : "."),
            "",
            $"- Fixed version: {f.FixedVersion ?? "none known"}",
            $"- Severity: {FindingSeverities.From(f.Severity.Level).ToWire()}" +
                (f.Severity.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" ({s:0.0}, {f.Severity.Vector})") : ""),
        };
        if (f.Kev is { } kev)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- Known exploited: {kev.CveId} in the CISA KEV catalog since {kev.DateAdded:yyyy-MM-dd}, due {kev.DueDate:yyyy-MM-dd}, ransomware use: {kev.KnownRansomwareCampaignUse}"));
        if (f.DependencyPath.Count > 1) lines.Add($"- Pulled in by: {string.Join(" → ", f.DependencyPath)}");
        else if (f.DependencyPath.Count == 1) lines.Add("- Pulled in by: the project itself (a direct dependency or a root of the graph)");
        if (f.HelpUri is { } uri) lines.Add($"- Advisory: {uri}");
        return string.Join('\n', lines);
    }
}
