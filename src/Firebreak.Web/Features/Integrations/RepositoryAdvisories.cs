using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Incidents;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>repository_advisory</c>: reported (GitHub's private vulnerability reporting) opens a <c>vulnerability-report</c>
/// incident — the four-stage plan, its clocks — with the reporter's GitHub login to credit and the link back to the
/// draft advisory, under the GHSA id as alias; published is written on that incident's timeline.
/// </summary>
internal sealed class RepositoryAdvisories(IncidentNews news)
{
    public async Task<HookVerdict> HandleAsync(Project project, byte[] body, CancellationToken ct)
    {
        var e = GitHubPayload.Read<RepositoryAdvisoryEvent>(body);
        var advisory = e.RepositoryAdvisory ?? throw GitHubText.Missing("$.repository_advisory");
        var ids = new[] { advisory.GhsaId, advisory.CveId }.Concat((advisory.Identifiers ?? []).Select(i => i.Value)).OfType<string>()
            .Select(i => i.Trim()).Where(i => i.Length is > 0 and <= 100).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0) throw GitHubText.Missing("$.repository_advisory.ghsa_id");
        var link = GitHubText.GitHubLink(advisory.HtmlUrl);
        switch (e.Action)
        {
            case "reported":
                // The reporter: the advisory's author when GitHub names one, else who sent the report.
                var login = advisory.Author?.Login ?? (advisory.CreditsDetailed ?? []).Select(c => c.User?.Login).FirstOrDefault(l => l is not null) ?? e.Sender?.Login;
                login = login is { Length: > 0 and <= ProjectIntegration.MaxLogin } ? login : null;
                var summary = string.Join('\n',
                    $"Reported privately on GitHub{(login is null ? "" : $" by {GitHubText.Code(login)} (credit: https://github.com/{Uri.EscapeDataString(login)})")}" +
                        (link is null ? "." : $": {link}"),
                    "",
                    $"- Advisory: {string.Join(", ", ids)}",
                    $"- Severity on GitHub: {GitHubText.Code(advisory.Severity ?? "not set")}",
                    "",
                    GitHubText.Cut(advisory.Description, 20_000));
                var opening = new IncidentOpening(IncidentKind.VulnerabilityReport, GitHubText.Title(advisory.Summary is { Length: > 0 } s ? s : $"Private report {ids[0]}"),
                    summary, GitHubText.Severity(advisory.Severity) ?? Severity.Medium, GitHubText.Source, GitHubText.Actor)
                {
                    Aliases = ids,
                    Reporter = login is null ? null : new Reporter(null, CreditPreference.Handle, login, consent: true),
                };
                var (verdict, _) = await news.OpenOrJoinAsync(project, opening, $"GitHub private report {ids[0]} received again" + (link is null ? "." : $": {link}"), ct);
                return verdict;
            case "published":
                return await news.RecordAsync(project, ids, $"GitHub advisory {ids[0]} published" + (link is null ? "." : $": {link}"), GitHubText.Actor, ct);
            default:
                return HookVerdict.Ignored($"Repository advisory action '{GitHubText.Cut(e.Action, 40)}' is not one Firebreak acts on.");
        }
    }
}
