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
        return $"- security: {Scope(advisory)} — fix {Fix(advisory)}; user-safety impact: {Impact(advisory)}. Credit: {advisory.ReporterCredit}.";
    }

    /// <summary>The line's scope: the affected packages, else the product or publisher.</summary>
    public static string Scope(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return advisory.Affected.Count > 0 ? string.Join(", ", advisory.Affected.Select(p => p.Package.Name).Distinct()) : advisory.Publisher.Product ?? advisory.Publisher.Name;
    }

    /// <summary>What the fix names: the first CWE and the CVE joined by a slash, else the advisory's id.</summary>
    public static string Fix(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var ids = new[] { advisory.Cwes.Count > 0 ? advisory.Cwes[0].Id : null, advisory.CveId }.OfType<string>().ToList();
        return ids.Count > 0 ? string.Join("/", ids) : advisory.Id;
    }

    /// <summary>The impact line without a final full stop (the line supplies it; one here would double it), "none" when not stated.</summary>
    public static string Impact(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return (advisory.UserSafetyImpact ?? "none").TrimEnd('.');
    }
}
