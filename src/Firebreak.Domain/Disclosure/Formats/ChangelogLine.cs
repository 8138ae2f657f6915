namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// The runbook's CHANGELOG.md security line, exactly:
/// <c>- security: &lt;scope&gt; — fix &lt;CWE/CVE&gt;; user-safety impact: &lt;one line&gt;. Credit: &lt;reporter&gt;.</c>
/// The scope is the affected packages; the fix names the first CWE and the CVE, joined by a slash.
/// </summary>
public static class ChangelogLine
{
    /// <summary>The line, without a trailing newline.</summary>
    public static string Write(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var scope = advisory.Affected.Count > 0 ? string.Join(", ", advisory.Affected.Select(p => p.Package.Name).Distinct()) : advisory.Publisher.Product ?? advisory.Publisher.Name;
        var ids = new[] { advisory.Cwes.Count > 0 ? advisory.Cwes[0].Id : null, advisory.CveId }.OfType<string>().ToList();
        var fix = ids.Count > 0 ? string.Join("/", ids) : advisory.Id;
        // The template supplies the full stop; one in the impact line would double it.
        var impact = (advisory.UserSafetyImpact ?? "none").TrimEnd('.');
        return $"- security: {scope} — fix {fix}; user-safety impact: {impact}. Credit: {advisory.ReporterCredit}.";
    }
}
