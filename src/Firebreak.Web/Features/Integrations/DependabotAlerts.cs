using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Incidents;
using Firebreak.Web.Features.Watch;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>dependabot_alert</c>: created, reopened, reintroduced (and auto_reopened) open the playbook-1 incident —
/// <c>kev-match</c> when one of the advisory's ids is in the KEV catalog the watch uses, else <c>compromised-dependency</c> —
/// under the advisory's ids as aliases, so a vulnerability the watch already opened lands on the watch's incident and a
/// later watch finding on this one. Fixed, dismissed and auto_dismissed are written on that incident's timeline.
/// </summary>
internal sealed class DependabotAlerts(IncidentNews news, MatchAdvisory watch)
{
    public async Task<HookVerdict> HandleAsync(Project project, byte[] body, CancellationToken ct)
    {
        var e = GitHubPayload.Read<DependabotAlertEvent>(body);
        var alert = e.Alert ?? throw GitHubText.Missing("$.alert");
        var advisory = alert.SecurityAdvisory ?? throw GitHubText.Missing("$.alert.security_advisory");
        var ids = advisory.Ids;
        if (ids.Count == 0) throw GitHubText.Missing("$.alert.security_advisory.ghsa_id");
        var package = alert.Dependency?.Package ?? alert.SecurityVulnerability?.Package;
        var where = $"{GitHubText.Code(package?.Name)} ({package?.Ecosystem}) in {GitHubText.Code(alert.Dependency?.ManifestPath)}";
        var link = GitHubText.GitHubLink(alert.HtmlUrl);
        var label = $"Dependabot alert #{alert.Number}" + (link is null ? "" : $" ({link})");
        switch (e.Action)
        {
            case "created" or "reopened" or "reintroduced" or "auto_reopened":
                var opening = Opening(alert, advisory, ids, watch.KnownExploited(ids) is not null, where, label);
                var (verdict, _) = await news.OpenOrJoinAsync(project, opening, $"{label} {e.Action}: {where} is affected by {string.Join(", ", ids)}.", ct);
                return verdict;
            case "fixed":
                return await news.RecordAsync(project, ids, $"{label} fixed: {where} no longer uses a vulnerable version.", GitHubText.Actor, ct);
            case "dismissed" or "auto_dismissed":
                var by = alert.DismissedBy?.Login is { } login ? $" by {GitHubText.Code(login)}" : "";
                var reason = alert.DismissedReason is { } r ? $" ({GitHubText.Code(r)}" + (alert.DismissedComment is { Length: > 0 } c ? $": {GitHubText.Cut(c, 500)}" : "") + ")" : "";
                return await news.RecordAsync(project, ids, $"{label} {e.Action.Replace('_', '-')}{by}{reason}: {where}.", GitHubText.Actor, ct);
            default:
                return HookVerdict.Ignored($"Dependabot alert action '{GitHubText.Cut(e.Action, 40)}' is not one Firebreak acts on.");
        }
    }

    private static IncidentOpening Opening(DependabotAlert alert, GitHubAdvisory advisory, IReadOnlyList<string> ids, bool kev, string where, string label)
    {
        var vulnerability = alert.SecurityVulnerability;
        var severity = kev ? Severity.Critical : GitHubText.Severity(vulnerability?.Severity ?? advisory.Severity) ?? Severity.High;
        var title = $"{alert.Dependency?.Package?.Name ?? vulnerability?.Package?.Name}: {advisory.GhsaId ?? ids[0]}" + (kev ? " (known exploited)" : "")
            + (advisory.Summary is { Length: > 0 } s ? $" — {s}" : "");
        var lines = new List<string>
        {
            $"{label}: {where} is affected by **{string.Join(", ", ids)}**" + (advisory.Summary is { Length: > 0 } summary ? $": {GitHubText.Cut(summary, 500)}" : "."),
            "",
            $"- Vulnerable versions: {GitHubText.Code(vulnerability?.VulnerableVersionRange)}",
            $"- Fixed version: {(vulnerability?.FirstPatchedVersion?.Identifier is { } fixedIn ? GitHubText.Code(fixedIn) : "none known")}",
            $"- Severity on GitHub: {GitHubText.Code(vulnerability?.Severity ?? advisory.Severity)}" + (advisory.Cvss?.Score is { } score ? $" (CVSS {score:0.0})" : ""),
        };
        if (kev) lines.Add("- Known exploited: listed in the CISA KEV catalog.");
        if (!string.IsNullOrWhiteSpace(advisory.Description)) lines.AddRange(["", GitHubText.Cut(advisory.Description, 20_000)]);
        return new IncidentOpening(kev ? IncidentKind.KevMatch : IncidentKind.CompromisedDependency, GitHubText.Title(title), string.Join('\n', lines),
            severity, GitHubText.Source, GitHubText.Actor)
        {
            Aliases = ids,
            Details = Details(advisory, vulnerability),
        };
    }

    /// <summary>The facts GitHub states, when the incident's rules take them all (a vector or CWE they refuse is left out, not the incident).</summary>
    internal static IncidentDetails? Details(GitHubAdvisory advisory, GitHubVulnerability? vulnerability)
    {
        var vector = advisory.Cvss?.VectorString is { } v && v.StartsWith("CVSS:3", StringComparison.Ordinal) ? v : null;
        var cwes = (advisory.Cwes ?? []).Select(c => c.CweId).OfType<string>();
        var identifiers = advisory.Ids.Where(i => CveId.TryParse(i, out _) || GhsaId.TryParse(i, out _)).ToList();
        var affected = GitHubText.Cut(vulnerability?.VulnerableVersionRange, 200);
        var patched = GitHubText.Cut(vulnerability?.FirstPatchedVersion?.Identifier, 200);
        try
        {
            return new IncidentDetails(vector, null, cwes, affected, patched, identifiers);
        }
        catch (DomainException)
        {
            // GitHub's data broke one of the details' rules (an odd vector or CWE): keep what cannot break them.
        }
        try
        {
            return new IncidentDetails(null, null, [], affected, patched, identifiers);
        }
        catch (DomainException)
        {
            // Even the versions or ids were refused: the incident opens without details.
        }
        return null;
    }
}
