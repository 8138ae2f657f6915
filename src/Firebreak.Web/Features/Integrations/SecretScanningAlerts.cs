using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Incidents;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>secret_scanning_alert</c>: created, publicly_leaked, validated and reopened open the playbook-2 incident
/// (<c>leaked-credential</c>), one per alert (keyed by repository and alert number); Critical when the secret leaked
/// publicly or GitHub validated it as active, else High. The secret's type leads the summary, so the right revoke step
/// is the first one read. News of an alert that already has its incident goes on its timeline, and a leak or an active
/// validation raises it to Critical. Resolved is written on the timeline.
/// </summary>
internal sealed class SecretScanningAlerts(IncidentNews news, TimeProvider time)
{
    public async Task<HookVerdict> HandleAsync(Project project, byte[] body, CancellationToken ct)
    {
        var e = GitHubPayload.Read<SecretScanningAlertEvent>(body);
        var alert = e.Alert ?? throw GitHubText.Missing("$.alert");
        if (alert.Number is not { } number) throw GitHubText.Missing("$.alert.number");
        var repository = e.Repository?.FullName ?? "the repository";
        var key = GitHubText.Key("GH-SECRET", $"{e.Repository?.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? repository}#{number}");
        var type = alert.SecretTypeDisplayName ?? alert.SecretType ?? "unknown";
        var link = GitHubText.GitHubLink(alert.HtmlUrl);
        var label = $"Secret scanning alert #{number}" + (link is null ? "" : $" ({link})");
        switch (e.Action)
        {
            case "created" or "publicly_leaked" or "validated" or "reopened":
                var critical = e.Action == "publicly_leaked" || alert.PubliclyLeaked == true || string.Equals(alert.Validity, "active", StringComparison.OrdinalIgnoreCase);
                var why = critical ? (e.Action == "publicly_leaked" || alert.PubliclyLeaked == true ? "leaked publicly" : "validated as active") : null;
                var opening = new IncidentOpening(IncidentKind.LeakedCredential, GitHubText.Title($"Leaked {type} in {repository}"),
                    Summary(type, alert, repository, label, why), critical ? Severity.Critical : Severity.High, GitHubText.Source, GitHubText.Actor)
                {
                    Aliases = [key],
                };
                var (verdict, existing) = await news.OpenOrJoinAsync(project, opening,
                    $"{label} {e.Action.Replace('_', ' ')}: {GitHubText.Code(type)}" + (why is null ? "." : $", {why}."), ct);
                if (critical && existing is { IsClosed: false, Severity: not Severity.Critical })
                {
                    existing.Retriage(Severity.Critical, existing.UserSafetyClass, project.Policy, GitHubText.Actor, time.GetUtcNow());
                    verdict = verdict with { Verdict = verdict.Verdict + $" Raised to critical: the secret {why}." };
                }
                return verdict;
            case "resolved":
                var resolution = alert.Resolution is { } r ? $" as {GitHubText.Code(r)}" : "";
                var by = alert.ResolvedBy?.Login is { } login ? $" by {GitHubText.Code(login)}" : "";
                return await news.RecordAsync(project, [key], $"{label} resolved{resolution}{by}: {GitHubText.Code(type)}.", GitHubText.Actor, ct);
            default:
                return HookVerdict.Ignored($"Secret scanning action '{GitHubText.Cut(e.Action, 40)}' is not one Firebreak acts on.");
        }
    }

    private static string Summary(string type, SecretScanningAlert alert, string repository, string label, string? why) => string.Join('\n',
        $"**Secret type: {GitHubText.Code(type)}**" + (alert.SecretType is { } raw && raw != type ? $" ({GitHubText.Code(raw)})" : "") +
            " — revoke this credential at its issuer first (playbook step 1), then audit what it could reach.",
        "",
        $"{label} in {GitHubText.Code(repository)}" + (why is null ? "." : $": the secret {why}."),
        $"- Validity on GitHub: {GitHubText.Code(alert.Validity ?? "unknown")}",
        $"- Publicly leaked: {(alert.PubliclyLeaked == true ? "yes" : "not reported")}");
}
