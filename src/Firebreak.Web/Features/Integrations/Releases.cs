using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Incidents;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>release</c> published and <c>create</c> of a tag, by an account not in the project's allowed releasers, open the
/// playbook-3 incident (<c>release-compromise</c>): Critical for a published release (users may already be installing
/// it), High for a tag alone. One incident per repository and tag, so a tag and its release are one incident. With no
/// allowed releasers set nothing is judged (every release would be an incident); the delivery says so.
/// </summary>
internal sealed class Releases(IncidentNews news)
{
    public async Task<HookVerdict> HandleAsync(Project project, ProjectIntegration? integration, string @event, byte[] body, CancellationToken ct)
    {
        string? tag, login, link, repositoryName;
        long? repositoryId;
        var published = @event == "release";
        if (published)
        {
            var e = GitHubPayload.Read<ReleaseEvent>(body);
            if (e.Action != "published") return HookVerdict.Ignored($"Release action '{GitHubText.Cut(e.Action, 40)}' is not one Firebreak acts on.");
            var release = e.Release ?? throw GitHubText.Missing("$.release");
            (tag, login, link) = (release.TagName, release.Author?.Login ?? e.Sender?.Login, GitHubText.GitHubLink(release.HtmlUrl));
            (repositoryName, repositoryId) = (e.Repository?.FullName, e.Repository?.Id);
        }
        else
        {
            var e = GitHubPayload.Read<CreateEvent>(body);
            if (e.RefType != "tag") return HookVerdict.Ignored($"A new {GitHubText.Cut(e.RefType, 20)}, not a tag; nothing to judge.");
            (tag, login, link) = (e.Ref, e.Sender?.Login, null);
            (repositoryName, repositoryId) = (e.Repository?.FullName, e.Repository?.Id);
        }
        if (string.IsNullOrWhiteSpace(tag)) throw GitHubText.Missing(published ? "$.release.tag_name" : "$.ref");
        var what = published ? $"Release {GitHubText.Code(tag)}" : $"Tag {GitHubText.Code(tag)}";
        if (integration is null || integration.AllowedReleasers.Count == 0)
            return HookVerdict.Ignored($"{what} by {login ?? "an unnamed account"}: no allowed releasers are set, so releases are not judged.");
        if (integration.MayRelease(login)) return HookVerdict.Ignored($"{what} by {login}, an allowed releaser.");
        var repository = repositoryName ?? "the repository";
        var summary = string.Join('\n',
            $"{what} in {GitHubText.Code(repository)} was {(published ? "published" : "pushed")} by {GitHubText.Code(login ?? "an unnamed account")}, " +
                $"who is not one of the project's allowed releasers ({string.Join(", ", integration.AllowedReleasers.Select(GitHubText.Code))}).",
            "",
            link is null ? "" : $"- Release: {link}",
            "- Check who holds release rights and which workflow made it before anyone installs it.");
        var opening = new IncidentOpening(IncidentKind.ReleaseCompromise, GitHubText.Title($"{(published ? "Release" : "Tag")} {tag} by {login ?? "an unknown account"}, not an allowed releaser"),
            summary, published ? Severity.Critical : Severity.High, GitHubText.Source, GitHubText.Actor)
        {
            Aliases = [GitHubText.Key("GH-TAG", $"{repositoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? repository}:{tag}")],
        };
        var (verdict, _) = await news.OpenOrJoinAsync(project, opening, $"{what} {(published ? "published" : "pushed")} by {GitHubText.Code(login ?? "an unnamed account")}" +
            (link is null ? "." : $": {link}"), ct);
        return verdict;
    }
}
