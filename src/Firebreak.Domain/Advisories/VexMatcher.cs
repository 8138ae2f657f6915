using Firebreak.Domain.Vex;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// Applies VEX statements to scan findings. A statement is about a finding when one of its vulnerability's
/// names equals the advisory id or an alias (case-insensitively) and one of its products or subcomponents is
/// a package URL covering the finding's component. Of the statements about a finding the latest (by
/// timestamp; on a tie the later one given) decides: not_affected or fixed suppresses it; affected or
/// under_investigation leaves it counted, so a newer "affected" overrides an older "not_affected".
/// </summary>
public static class VexMatcher
{
    /// <summary>The findings in the same order, each with <see cref="ScanFinding.Suppression"/> set when a statement suppresses it.</summary>
    public static IReadOnlyList<ScanFinding> Apply(IEnumerable<ScanFinding> findings, IEnumerable<VexStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(statements);
        var indexed = statements.Select((s, i) => (Statement: s, Order: i, Purls: Purls(s))).ToList();
        return [.. findings.Select(finding =>
        {
            var latest = indexed
                .Where(s => s.Statement.Names.Any(n => finding.Ids.Contains(n, StringComparer.OrdinalIgnoreCase)))
                .Where(s => s.Purls.Any(p => Covers(p, finding.Component)))
                .OrderBy(s => s.Statement.Timestamp).ThenBy(s => s.Order)
                .Select(s => s.Statement).LastOrDefault();
            return latest is { Status: VexStatus.NotAffected or VexStatus.Fixed }
                ? finding with { Suppression = new VexSuppression(latest.Vulnerability, latest.Status, latest.Justification, latest.ImpactStatement, latest.Timestamp) }
                : finding;
        })];
    }

    /// <summary>
    /// True when a statement's purl names the component: same type, namespace and name; the same version when
    /// the statement gives one; each qualifier it gives present with the same value (none given: any qualifiers);
    /// the same subpath when it gives one.
    /// </summary>
    public static bool Covers(PackageUrl statement, PackageUrl component)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(component);
        return statement.Type == component.Type
            && statement.Namespace == component.Namespace
            && statement.Name == component.Name
            && (statement.Version is null || statement.Version == component.Version)
            && statement.Qualifiers.All(q => component.Qualifiers.TryGetValue(q.Key, out var value) && value == q.Value)
            && (statement.Subpath is null || statement.Subpath == component.Subpath);
    }

    // Products and subcomponents that are not package URLs (CPEs, other IRIs) cannot name a lockfile entry.
    private static List<PackageUrl> Purls(VexStatement statement) =>
    [
        .. statement.Products.SelectMany(p => p.Subcomponents.Prepend(p.Id))
            .Select(id => PackageUrl.TryParse(id, PurlStrictness.Lenient, out var purl, out _) ? purl : null)
            .OfType<PackageUrl>(),
    ];
}
