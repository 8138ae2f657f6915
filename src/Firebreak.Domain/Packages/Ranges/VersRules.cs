namespace Firebreak.Domain.Packages;

/// <summary>
/// The vers specification's rules over a list of constraints: sorted by version with every version once; the
/// simplification of redundant neighbours; and validation — '!=' may be followed by anything; ignoring '!=', a bare
/// version only by a bare version, '&gt;' or '&gt;='; ignoring both, '&lt;'/'&lt;=' and '&gt;'/'&gt;=' alternate.
/// </summary>
internal static class VersRules
{
    /// <summary>Sorts by version (stable); the first version met twice is an error at its second place.</summary>
    public static bool TrySort(List<(VersConstraint C, int At)> items, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out VersionParseError? error)
    {
        var sorted = items.Select((item, index) => (item, index)).OrderBy(x => x.item.C.Version, Comparer<IComparable>.Create((a, b) => a.CompareTo(b))).ThenBy(x => x.index).Select(x => x.item).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i - 1].C.Version.CompareTo(sorted[i].C.Version) == 0)
            {
                var second = Math.Max(sorted[i - 1].At, sorted[i].At);
                error = new VersionParseError($"version {sorted[i].C.Version} appears twice; each version occurs once in a vers", second);
                return false;
            }
        }
        items.Clear();
        items.AddRange(sorted);
        error = null;
        return true;
    }

    /// <summary>The first place where the list is not sorted by version, or repeats a version; null when it is sorted.</summary>
    public static VersionParseError? Unsorted(IReadOnlyList<(VersConstraint C, int At)> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var c = items[i - 1].C.Version.CompareTo(items[i].C.Version);
            if (c == 0) return new VersionParseError($"version {items[i].C.Version} appears twice; each version occurs once in a vers", items[i].At);
            if (c > 0) return new VersionParseError($"constraints are sorted by version: {items[i].C} comes before {items[i - 1].C}", items[i].At);
        }
        return null;
    }

    /// <summary>Removes redundant neighbours, as the specification's simplification does (on a sorted list).</summary>
    public static List<(VersConstraint C, int At)> Simplify(List<(VersConstraint C, int At)> items)
    {
        if (items.Count <= 1) return items;
        var rest = items.Where(x => x.C.Comparator != VersComparator.NotEqual).ToList();
        if (rest.Count == 0) return items;
        var i = 0;
        while (i < rest.Count - 1)
        {
            VersConstraint current = rest[i].C, next = rest[i + 1].C;
            if (current.IsLower && (next.Comparator == VersComparator.Equal || next.IsLower))
            {
                rest.RemoveAt(i + 1);
                continue;
            }
            if ((current.Comparator == VersComparator.Equal || current.IsUpper) && next.IsUpper)
            {
                rest.RemoveAt(i);
                if (i > 0) i--;
                continue;
            }
            i++;
        }
        var kept = rest.ToHashSet();
        return [.. items.Where(x => x.C.Comparator == VersComparator.NotEqual || kept.Contains(x))];
    }

    /// <summary>The first constraint that breaks the comparator rules; null when the list is valid.</summary>
    public static VersionParseError? Invalid(IReadOnlyList<(VersConstraint C, int At)> items)
    {
        (VersConstraint C, int At)? previous = null;
        foreach (var item in items.Where(x => x.C.Comparator != VersComparator.NotEqual))
        {
            if (previous is { C.Comparator: VersComparator.Equal } p && !(item.C.Comparator == VersComparator.Equal || item.C.IsLower))
                return new VersionParseError($"'{p.C}' may be followed only by a bare version, '>' or '>=', not '{item.C}'", item.At);
            previous = item;
        }
        previous = null;
        foreach (var item in items.Where(x => x.C.IsLower || x.C.IsUpper))
        {
            if (previous is { } p && p.C.IsLower == item.C.IsLower)
                return new VersionParseError($"'{p.C}' and '{item.C}' do not alternate: a lower bound ('>', '>=') and an upper bound ('<', '<=') take turns", item.At);
            previous = item;
        }
        return null;
    }
}
