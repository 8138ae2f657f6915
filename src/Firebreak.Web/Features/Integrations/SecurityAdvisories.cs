using Firebreak.Domain.Advisories;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Watch;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>security_advisory</c> (GitHub's global advisory database): published and updated are matched against every manifest
/// the project watches, as an advisory-feed refresh matches them (<see cref="MatchAdvisory"/>): the advisory becomes an
/// OSV record whose ranges are GitHub's <c>vulnerable_version_range</c> read over each ecosystem's version order
/// (<see cref="GitHubRange"/>). Withdrawn is written on the timeline of the incident the advisory opened, if any.
/// </summary>
internal sealed class SecurityAdvisories(IncidentNews news, MatchAdvisory match)
{
    public async Task<HookVerdict> HandleAsync(Project project, byte[] body, CancellationToken ct)
    {
        var e = GitHubPayload.Read<SecurityAdvisoryEvent>(body);
        var advisory = e.SecurityAdvisory ?? throw GitHubText.Missing("$.security_advisory");
        var ids = advisory.Ids;
        if (ids.Count == 0) throw GitHubText.Missing("$.security_advisory.ghsa_id");
        switch (e.Action)
        {
            case "published" or "updated":
                var (record, skipped) = ToOsv(advisory, ids);
                var matches = await match.ExecuteAsync(project, record, GitHubText.Source, GitHubText.Actor, ct);
                var unread = skipped.Count == 0 ? "" : $" Not read: {string.Join("; ", skipped)}.";
                if (matches.FirstOrDefault(m => m.Opened) is { } opened)
                    return new HookVerdict(HookOutcome.Opened, $"{ids[0]} affects {Components(matches)}; opened its incident.{unread}", opened.IncidentId);
                if (matches.FirstOrDefault(m => m.IncidentId is not null) is { } joined)
                    return new HookVerdict(HookOutcome.Joined, $"{ids[0]} affects {Components(matches)}; its incident already exists.{unread}", joined.IncidentId);
                return HookVerdict.Ignored(matches.Count == 0
                    ? $"{ids[0]} affects none of the project's watched dependencies.{unread}"
                    : $"{ids[0]} affects {Components(matches)}, off the release path or settled by VEX; no incident.{unread}");
            case "withdrawn":
                return await news.RecordAsync(project, ids, $"GitHub withdrew advisory {ids[0]} from its database" +
                    (advisory.WithdrawnAt is { } at ? $" on {at.UtcDateTime:yyyy-MM-dd}" : "") + ".", GitHubText.Actor, ct);
            default:
                return HookVerdict.Ignored($"Security advisory action '{GitHubText.Cut(e.Action, 40)}' is not one Firebreak acts on.");
        }
    }

    private static string Components(IReadOnlyList<AdvisoryMatch> matches) =>
        string.Join(", ", matches.Select(m => $"{m.Component} in {m.Manifest}").Distinct().Take(5)) + (matches.Count > 5 ? $" and {matches.Count - 5} more" : "");

    /// <summary>The advisory as the OSV record the watch's matcher takes; what cannot be read (an unknown ecosystem, a bad range) is listed.</summary>
    internal static (OsvAdvisory Record, List<string> Skipped) ToOsv(GitHubAdvisory advisory, IReadOnlyList<string> ids)
    {
        var skipped = new List<string>();
        var affected = new List<OsvAffected>();
        foreach (var (v, i) in (advisory.Vulnerabilities ?? []).Select((v, i) => (v, i)))
        {
            var path = $"$.security_advisory.vulnerabilities[{i}]";
            if (GitHubText.EcosystemOf(v.Package?.Ecosystem) is not { } ecosystem || string.IsNullOrWhiteSpace(v.Package?.Name))
            {
                skipped.Add($"{path}: ecosystem '{GitHubText.Cut(v.Package?.Ecosystem, 40)}' is not one the watch orders");
                continue;
            }
            if (GitHubRange.ToOsv(ecosystem, v.VulnerableVersionRange, out var problem) is not { } range)
            {
                skipped.Add($"{path}.vulnerable_version_range: {problem}");
                continue;
            }
            affected.Add(new OsvAffected(ecosystem.ToOsvName(), ecosystem, v.Package.Name.Trim(), [range], []));
        }
        var vector = advisory.Cvss?.VectorString is { Length: > 0 } vs ? new[] { vs } : [];
        var references = (advisory.References ?? []).Select(r => GitHubText.GitHubLink(r.Url) ?? (Uri.TryCreate(r.Url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps ? u.AbsoluteUri : null))
            .OfType<string>().ToList();
        var record = new OsvAdvisory(advisory.GhsaId ?? ids[0], [.. ids.Where(id => !string.Equals(id, advisory.GhsaId ?? ids[0], StringComparison.OrdinalIgnoreCase))],
            GitHubText.Cut(advisory.Summary, 1000), advisory.WithdrawnAt is not null, vector, affected, references,
            advisory.Severity?.ToUpperInvariant());
        return (record, skipped);
    }
}
