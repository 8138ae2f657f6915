namespace Firebreak.Domain.Disclosure;

/// <summary>
/// What an advisory must say before a second maintainer is asked to review it: a saved draft may be incomplete, a
/// reviewed one may not. Each entry names the field as the advisory JSON and the editor's labels do, so the refusal
/// says exactly what to fill in. The list follows what every export needs (CVE 5 needs a reference and an affected
/// product; GitHub's form needs a description and a severity).
/// </summary>
public static class AdvisoryReadiness
{
    /// <summary>The fields the editor marks as required, by JSON name.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } = ["summary", "description", "affected", "severity", "references"];

    /// <summary>The missing required fields, each with what to do; empty when the advisory can go to review.</summary>
    public static IReadOnlyList<string> Missing(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(advisory.Description)) missing.Add("description: required; say what the vulnerability is and who is affected.");
        if (advisory.Affected.Count == 0) missing.Add("affected: required; add at least one affected package with its version range.");
        if (advisory.Severity is null) missing.Add("severity: required; choose a severity or give a CVSS vector.");
        if (advisory.References.Count == 0) missing.Add("references: required; add at least one link (the fix, the advisory page).");
        return missing;
    }
}
