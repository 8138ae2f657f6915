using System.Text.Json;
using System.Text.Json.Serialization;

namespace Firebreak.Web.Features.Integrations;

// The few fields of GitHub's webhook payloads that Firebreak acts on (see docs/adr/0006): everything else in a payload
// is ignored. Names are GitHub's, in snake_case.

internal sealed record GitHubAccount(string? Login);

internal sealed record GitHubRepository(long? Id, string? FullName, string? HtmlUrl);

internal sealed record GitHubPackage(string? Ecosystem, string? Name);

internal sealed record GitHubPatched(string? Identifier);

internal sealed record GitHubIdentifier(string? Type, string? Value);

internal sealed record GitHubCvss(string? VectorString, double? Score);

internal sealed record GitHubCwe(string? CweId);

internal sealed record GitHubVulnerability(GitHubPackage? Package, string? Severity, string? VulnerableVersionRange, GitHubPatched? FirstPatchedVersion);

/// <summary>An advisory of GitHub's database, as a Dependabot alert and the <c>security_advisory</c> event carry it.</summary>
internal sealed record GitHubAdvisory(string? GhsaId, string? CveId, string? Summary, string? Description, string? Severity,
    IReadOnlyList<GitHubIdentifier>? Identifiers, IReadOnlyList<GitHubVulnerability>? Vulnerabilities, GitHubCvss? Cvss,
    IReadOnlyList<GitHubCwe>? Cwes, IReadOnlyList<GitHubReference>? References, DateTimeOffset? WithdrawnAt)
{
    /// <summary>GHSA, CVE and any other ids, each once.</summary>
    public IReadOnlyList<string> Ids =>
        [.. new[] { GhsaId, CveId }.Concat((Identifiers ?? []).Select(i => i.Value)).OfType<string>().Select(i => i.Trim())
            .Where(i => i.Length is > 0 and <= 100).Distinct(StringComparer.OrdinalIgnoreCase)];
}

internal sealed record GitHubReference(string? Url);

internal sealed record GitHubDependency(GitHubPackage? Package, string? ManifestPath, string? Scope);

internal sealed record DependabotAlert(int? Number, string? State, GitHubDependency? Dependency, GitHubAdvisory? SecurityAdvisory,
    GitHubVulnerability? SecurityVulnerability, string? HtmlUrl, string? DismissedReason, string? DismissedComment, GitHubAccount? DismissedBy);

internal sealed record SecretScanningAlert(int? Number, string? SecretType, string? SecretTypeDisplayName, string? HtmlUrl, string? Validity,
    bool? PubliclyLeaked, string? Resolution, GitHubAccount? ResolvedBy);

internal sealed record GitHubCredit(GitHubAccount? User, string? Type);

internal sealed record RepositoryAdvisory(string? GhsaId, string? CveId, string? Summary, string? Description, string? Severity, string? HtmlUrl,
    GitHubAccount? Author, IReadOnlyList<GitHubCredit>? CreditsDetailed, IReadOnlyList<GitHubIdentifier>? Identifiers, string? State);

internal sealed record GitHubRelease(string? TagName, string? Name, string? HtmlUrl, GitHubAccount? Author, bool? Draft);

internal sealed record DependabotAlertEvent(string? Action, GitHubRepository? Repository, GitHubAccount? Sender, DependabotAlert? Alert);

internal sealed record SecretScanningAlertEvent(string? Action, GitHubRepository? Repository, GitHubAccount? Sender, SecretScanningAlert? Alert);

internal sealed record RepositoryAdvisoryEvent(string? Action, GitHubRepository? Repository, GitHubAccount? Sender, RepositoryAdvisory? RepositoryAdvisory);

internal sealed record SecurityAdvisoryEvent(string? Action, GitHubAdvisory? SecurityAdvisory);

internal sealed record ReleaseEvent(string? Action, GitHubRepository? Repository, GitHubAccount? Sender, GitHubRelease? Release);

internal sealed record CreateEvent(GitHubRepository? Repository, GitHubAccount? Sender, string? Ref, string? RefType);

/// <summary>Reads the payload of each event into its own small model.</summary>
internal static class GitHubPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        MaxDepth = 64,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads a payload; throws <see cref="JsonException"/> with the path of the first field of the wrong shape.</summary>
    public static T Read<T>(byte[] body) where T : class => JsonSerializer.Deserialize<T>(body, Options)
        ?? throw new JsonException("The payload is null, not an object.", "$", 0, 0);

    /// <summary>Only the action, for events whose payload is not read further.</summary>
    public static string? ActionOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("action", out var action)
                && action.ValueKind == JsonValueKind.String ? action.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
