using System.Globalization;
using System.Text;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// The GitHub Security Advisory body in the runbook's form (Summary … Disclosure, one field a line; GitHub shows each
/// line break), followed by the description. Missing dates read "pending"; a missing CVE reads "not assigned".
/// </summary>
public static class AdvisoryMarkdown
{
    /// <summary>The Markdown body.</summary>
    public static string Write(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var text = new StringBuilder();
        Line(text, "Summary", advisory.Summary);
        Line(text, "Affected", AffectedText(advisory));
        Line(text, "Patched", PatchedText(advisory) ?? "none yet");
        Line(text, "CVE", advisory.CveId ?? "not assigned");
        Line(text, "CWE", advisory.Cwes.Count > 0 ? string.Join(", ", advisory.Cwes.Select(c => c.Id)) : "not classified");
        Line(text, "CVSS v4", CvssV4Text(advisory) ?? "not scored");
        Line(text, "User-safety impact", advisory.UserSafetyImpact ?? "none stated");
        Line(text, "Reporter", advisory.ReporterCredit);
        Line(text, "Acknowledgement", Date(advisory.Timeline.Acknowledged));
        Line(text, "Triage", Date(advisory.Timeline.Triaged));
        Line(text, "Fix", Date(advisory.Timeline.Fixed));
        Line(text, "Disclosure", Date(advisory.Timeline.Published));
        if (advisory.Description is { } description) text.Append('\n').Append(description).Append('\n');
        return text.ToString();
    }

    /// <summary>Every affected package with its ranges and versions, one line: <c>pkg (npm) &gt;= 1.0.0, &lt; 1.4.2; …</c>.</summary>
    public static string AffectedText(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return string.Join("; ", advisory.Affected.Select(Affected));
    }

    /// <summary>The patched versions per package, one line, or null when none is released.</summary>
    public static string? PatchedText(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var patched = advisory.Affected.Where(p => p.PatchedVersions.Count > 0).Select(p => $"{p.Package.Name} {string.Join(", ", p.PatchedVersions)}").ToList();
        return patched.Count > 0 ? string.Join("; ", patched) : null;
    }

    /// <summary>The CVSS v4.0 line's value, <c>vector (score Severity)</c>, or null when not scored.</summary>
    public static string? CvssV4Text(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return advisory.Cvss4 is { } v4 ? $"{v4.Vector} ({v4.Score.ToString("0.0", CultureInfo.InvariantCulture)} {v4.Severity})" : null;
    }

    /// <summary>A date as the body prints it (yyyy-MM-dd, UTC), or null.</summary>
    public static string? DateText(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A range in GitHub's notation: <c>&gt;= 1.0.0, &lt; 1.4.2</c>; spans of one range joined with <c> || </c>.</summary>
    public static string Range(AffectedRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var spans = new List<string>();
        for (var i = 0; i < range.Events.Count; i++)
        {
            if (range.Events[i].Kind != RangeEventKind.Introduced) continue;
            var bounds = new List<string>();
            if (range.Events[i].Version != "0") bounds.Add(">= " + range.Events[i].Version);
            if (i + 1 < range.Events.Count)
                bounds.Add((range.Events[i + 1].Kind == RangeEventKind.LastAffected ? "<= " : "< ") + range.Events[i + 1].Version);
            spans.Add(bounds.Count > 0 ? string.Join(", ", bounds) : "all versions");
        }
        return string.Join(" || ", spans);
    }

    private static string Affected(AffectedProduct product)
    {
        var parts = product.Ranges.Select(Range).ToList();
        if (product.AffectedVersions.Count > 0) parts.Add("versions " + string.Join(", ", product.AffectedVersions));
        return $"{product.Package.Label} {string.Join(" and ", parts)}";
    }

    private static void Line(StringBuilder text, string field, string value) => text.Append("**").Append(field).Append("**: ").Append(value).Append('\n');

    private static string Date(DateTimeOffset? at) => DateText(at) ?? "pending";
}
