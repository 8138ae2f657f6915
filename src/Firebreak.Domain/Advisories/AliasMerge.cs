using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Advisories;

/// <summary>
/// One vulnerability, one finding: findings for the same component whose ids meet (a RUSTSEC record and a GHSA record
/// that both name the same CVE, or one naming the other) are one vulnerability seen by several databases. They become
/// one finding under the first one's id, carrying every id as an alias, the best fix (the highest fixed version any of
/// them names, so the fix satisfies every source; one is better than none), the most severe rating, the KEV entry if
/// any of them has it, and the first help page and dependency path found.
/// </summary>
public static class AliasMerge
{
    /// <summary>The findings with every alias group merged, in the order of each group's first finding.</summary>
    public static IReadOnlyList<ScanFinding> Merge(IReadOnlyList<ScanFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var parent = Enumerable.Range(0, findings.Count).ToArray();
        foreach (var group in Enumerable.Range(0, findings.Count).GroupBy(i => (findings[i].File, findings[i].Component)))
        {
            var owner = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var i in group)
            {
                foreach (var id in findings[i].Ids)
                {
                    if (owner.TryGetValue(id, out var j)) Union(i, j);
                    else owner[id] = i;
                }
            }
        }
        var merged = new List<ScanFinding>(findings.Count);
        foreach (var members in Enumerable.Range(0, findings.Count).GroupBy(Find))
        {
            merged.Add(Combine([.. members.Select(i => findings[i])]));
        }
        return merged;

        int Find(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private static ScanFinding Combine(IReadOnlyList<ScanFinding> group)
    {
        var first = group[0];
        if (group.Count == 1) return first;
        var aliases = group.SelectMany(f => f.Ids).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !string.Equals(id, first.AdvisoryId, StringComparison.OrdinalIgnoreCase)).ToList();
        return first with
        {
            Aliases = aliases,
            Title = group.Select(f => f.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? first.Title,
            FixedVersion = BestFix(first.Component, group.Select(f => f.FixedVersion)),
            Severity = group.Select(f => f.Severity).OrderByDescending(s => s.Level.HasValue).ThenByDescending(s => s.Level).ThenByDescending(s => s.Score).First(),
            Kev = group.Select(f => f.Kev).FirstOrDefault(k => k is not null),
            HelpUri = group.Select(f => f.HelpUri).FirstOrDefault(u => u is not null),
            DependencyPath = group.Select(f => f.DependencyPath).FirstOrDefault(p => p.Count > 0) ?? first.DependencyPath,
            Suppression = group.Select(f => f.Suppression).FirstOrDefault(s => s is not null),
            Ignored = group.Select(f => f.Ignored).FirstOrDefault(i => i is not null),
        };
    }

    private static string? BestFix(PackageUrl component, IEnumerable<string?> fixes)
    {
        var known = fixes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (known.Count <= 1) return known.FirstOrDefault();
        if (!EcosystemNames.TryFromPurlType(component.Type, out var ecosystem)) return known[0];
        var scheme = VersionSchemes.For(ecosystem);
        string best = known[0];
        foreach (var fix in known.Skip(1))
        {
            if (scheme.TryParse(fix, out var candidate, out _) && scheme.TryParse(best, out var current, out _) && candidate.CompareTo(current) > 0) best = fix;
        }
        return best;
    }
}
