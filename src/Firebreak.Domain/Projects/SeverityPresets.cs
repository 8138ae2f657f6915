using System.Collections.Immutable;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Projects;

/// <summary>A ready set of examples for the severity table's four classes.</summary>
public sealed record SeverityPreset(string Id, string Title, ImmutableSortedDictionary<Severity, string> Examples);

/// <summary>
/// The severity examples a project can start from: neutral ones that fit any project (the default), and those of the
/// incident-response plan this system was built from (a privacy-focused vault with connectors).
/// </summary>
public static class SeverityPresets
{
    /// <summary>Examples that fit any project.</summary>
    public static SeverityPreset Neutral { get; } = new("neutral", "Neutral examples", ImmutableSortedDictionary.CreateRange(new Dictionary<Severity, string>
    {
        [Severity.Critical] = "Remote code execution without authentication; a flaw that puts users' safety at risk; a leaked signing or publish key",
        [Severity.High] = "Authentication or authorisation bypass; privilege escalation; sandbox escape",
        [Severity.Medium] = "Injection or path traversal limited to one component; a secret written to a log; cross-site scripting that needs a user's action",
        [Severity.Low] = "Disclosure of a version or an internal path; a hardening gap with no known exploit",
    }));

    /// <summary>The runbook's own table.</summary>
    public static SeverityPreset Runbook { get; } = new("runbook", "The runbook's examples", ImmutableSortedDictionary.CreateRange(new Dictionary<Severity, string>
    {
        [Severity.Critical] = "Vault key extraction; panic-wipe defeat; identity leak; telemetry phone-home; remote unauthenticated RCE",
        [Severity.High] = "Sandbox escape; capability bypass; authentication bypass on a management API",
        [Severity.Medium] = "Path traversal in a single connector; a logged secret; CSP bypass",
        [Severity.Low] = "Verbose error revealing the software version; font or ICU data loaded over plaintext",
    }));

    /// <summary>Every preset, the default first.</summary>
    public static ImmutableArray<SeverityPreset> All { get; } = [Neutral, Runbook];

    /// <summary>The preset with this id; a specific error naming the ids otherwise.</summary>
    public static SeverityPreset Find(string? id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainException($"preset: '{id}' is not a severity preset; choose {string.Join(" or ", All.Select(p => p.Id))}.");
}
