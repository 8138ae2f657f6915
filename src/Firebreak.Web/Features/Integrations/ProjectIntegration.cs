using Firebreak.Domain.Common;

namespace Firebreak.Web.Features.Integrations;

/// <summary>Where a signed delivery comes from: GitHub's webhooks, or the generic trigger (other forges, CI jobs).</summary>
internal enum HookSource
{
    GitHub,
    Generic,
}

/// <summary>
/// A project's integrations: the secret of each signed hook (protected with <c>StoredSecrets</c>, purpose
/// <c>webhook-secret</c>, bound to the project and the source, so it is never stored as given and a value copied to
/// another project or source does not reveal), and the accounts allowed to publish releases and push tags.
/// </summary>
internal sealed class ProjectIntegration
{
    public const int MaxReleasers = 100;
    public const int MaxLogin = 39; // GitHub's own limit for a login

    private ProjectIntegration() { }

    public ProjectIntegration(Guid projectId) => ProjectId = projectId;

    public Guid ProjectId { get; private set; }

    /// <summary>The GitHub webhook secret, protected; null until created.</summary>
    public string? GitHubSecret { get; private set; }

    public DateTime? GitHubSecretSetAt { get; private set; }

    public string? GitHubSecretSetBy { get; private set; }

    /// <summary>The generic trigger's secret, protected; null until created.</summary>
    public string? GenericSecret { get; private set; }

    public DateTime? GenericSecretSetAt { get; private set; }

    public string? GenericSecretSetBy { get; private set; }

    /// <summary>GitHub logins (compared without regard to case) that may publish a release or push a tag; empty: not judged.</summary>
    public List<string> AllowedReleasers { get; private set; } = [];

    /// <summary>Optimistic-concurrency token: two rotations at once both succeed one after the other, never interleaved.</summary>
    public int Version { get; private set; }

    public string? ProtectedSecret(HookSource source) => source == HookSource.GitHub ? GitHubSecret : GenericSecret;

    public DateTime? SecretSetAt(HookSource source) => source == HookSource.GitHub ? GitHubSecretSetAt : GenericSecretSetAt;

    public string? SecretSetBy(HookSource source) => source == HookSource.GitHub ? GitHubSecretSetBy : GenericSecretSetBy;

    public void SetSecret(HookSource source, string protectedSecret, string actor, DateTimeOffset now)
    {
        Version++;
        if (source == HookSource.GitHub) (GitHubSecret, GitHubSecretSetAt, GitHubSecretSetBy) = (protectedSecret, now.UtcDateTime, actor);
        else (GenericSecret, GenericSecretSetAt, GenericSecretSetBy) = (protectedSecret, now.UtcDateTime, actor);
    }

    /// <summary>Replaces the allowed releasers after checking each login; a <see cref="DomainException"/> names the first bad one.</summary>
    public void AllowReleasers(IEnumerable<string?>? logins)
    {
        var list = (logins ?? []).Select(l => (l ?? "").Trim().TrimStart('@')).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxReleasers) throw new DomainException($"releasers: more than {MaxReleasers} accounts.");
        foreach (var (login, i) in list.Select((l, i) => (l, i)))
        {
            if (!IsLogin(login)) throw new DomainException($"releasers[{i}]: '{login}' is not a GitHub login (letters, digits and single hyphens, at most {MaxLogin} characters).");
        }
        Version++;
        AllowedReleasers = list;
    }

    public bool MayRelease(string? login) => login is not null && AllowedReleasers.Contains(login, StringComparer.OrdinalIgnoreCase);

    /// <summary>GitHub's login rule, with '[bot]' accepted for apps that release (github-actions[bot]).</summary>
    private static bool IsLogin(string login)
    {
        var name = login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? login[..^5] : login;
        return name.Length is > 0 and <= MaxLogin && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && name[0] != '-' && name[^1] != '-'
            && !name.Contains("--", StringComparison.Ordinal);
    }
}

/// <summary>The names of the sources in addresses, JSON and the audit.</summary>
internal static class HookSources
{
    public static string Name(this HookSource source) => source switch
    {
        HookSource.GitHub => "github",
        HookSource.Generic => "generic",
    };
}
