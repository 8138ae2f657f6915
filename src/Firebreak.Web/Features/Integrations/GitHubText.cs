using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Packages;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Integrations;

/// <summary>The small readings every GitHub event shares: severities, ecosystems, keys, and text cut to the incident's limits.</summary>
internal static class GitHubText
{
    public const string Actor = "github webhook";

    /// <summary>GitHub's severity names (<c>moderate</c> in the advisory database, <c>medium</c> elsewhere).</summary>
    public static Severity? Severity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "critical" => Domain.Projects.Severity.Critical,
        "high" => Domain.Projects.Severity.High,
        "moderate" or "medium" => Domain.Projects.Severity.Medium,
        "low" => Domain.Projects.Severity.Low,
        _ => null,
    };

    /// <summary>GitHub's ecosystem names (as alerts and advisories write them) to ours; null for those we do not order (actions, swift).</summary>
    public static Ecosystem? EcosystemOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "npm" => Ecosystem.Npm,
        "pip" or "pypi" => Ecosystem.PyPI,
        "maven" => Ecosystem.Maven,
        "nuget" => Ecosystem.NuGet,
        "rubygems" => Ecosystem.RubyGems,
        "composer" => Ecosystem.Packagist,
        "go" => Ecosystem.Go,
        "rust" or "cargo" => Ecosystem.CratesIo,
        "pub" => Ecosystem.Pub,
        "erlang" => Ecosystem.Hex,
        _ => null,
    };

    /// <summary>A key of our own for things without an advisory id (a secret alert, a tag), short enough to be an incident alias.</summary>
    public static string Key(string kind, string value)
    {
        var key = $"{kind}:{value}";
        return key.Length <= 100 ? key : $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40]}";
    }

    public static string Title(string title) => Cut(title, 200);

    public static string Cut(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length <= max ? t : t[..(max - 1)] + "…";
    }

    /// <summary>A value GitHub sends as text, written inline in Markdown without letting it start a link, image or HTML.</summary>
    public static string Code(string? text) => $"`{Cut(text, 300).Replace('`', '\'').Replace('\n', ' ').Replace('\r', ' ')}`";

    /// <summary>A link GitHub sends, kept only when it is an https address on github.com (alerts, advisories, releases).</summary>
    public static string? GitHubLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host is "github.com" ? uri.AbsoluteUri : null;

    /// <summary>A payload without a part the event always has: malformed, reported with the part's JSON path.</summary>
    public static JsonException Missing(string path) => new($"{path}: missing; the event always has it.", path, null, null);

    public static IncidentSource Source => IncidentSource.Webhook;
}
