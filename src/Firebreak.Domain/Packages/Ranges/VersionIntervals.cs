namespace Firebreak.Domain.Packages;

/// <summary>
/// A set of versions as sorted, disjoint intervals between cuts (each from <c>Low</c> up to <c>High</c>), the exact
/// reading of every range: vers constraints, OSV events and the native notations all become one of these.
/// Intervals that touch are merged, so two equal sets have the same intervals.
/// </summary>
internal sealed class VersionIntervals
{
    private readonly (VersionCut Low, VersionCut High)[] _items;

    private VersionIntervals((VersionCut, VersionCut)[] items) => _items = items;

    public static VersionIntervals Empty { get; } = new([]);

    public static VersionIntervals All { get; } = new([(VersionCut.Bottom, VersionCut.Top)]);

    public IReadOnlyList<(VersionCut Low, VersionCut High)> Items => _items;

    public bool IsEmpty => _items.Length == 0;

    public bool IsAll => _items.Length == 1 && _items[0].Low.IsBottom && _items[0].High.IsTop;

    /// <summary>The interval from <paramref name="low"/> to <paramref name="high"/>; empty when they are out of order.</summary>
    public static VersionIntervals Of(VersionCut low, VersionCut high) => low.CompareTo(high) < 0 ? new([(low, high)]) : Empty;

    public bool Contains(IComparable version)
    {
        foreach (var (low, high) in _items)
        {
            if (!low.IsBelow(version)) return false;
            if (!high.IsBelow(version)) return true;
        }
        return false;
    }

    public VersionIntervals Union(VersionIntervals other)
    {
        var all = _items.Concat(other._items).OrderBy(i => i.Low).ToList();
        var merged = new List<(VersionCut Low, VersionCut High)>();
        foreach (var item in all)
        {
            if (merged.Count > 0 && item.Low.CompareTo(merged[^1].High) <= 0)
            {
                if (item.High.CompareTo(merged[^1].High) > 0) merged[^1] = (merged[^1].Low, item.High);
            }
            else
            {
                merged.Add(item);
            }
        }
        return new([.. merged]);
    }

    public VersionIntervals Intersect(VersionIntervals other)
    {
        var result = new List<(VersionCut, VersionCut)>();
        int i = 0, j = 0;
        while (i < _items.Length && j < other._items.Length)
        {
            var low = Max(_items[i].Low, other._items[j].Low);
            var high = Min(_items[i].High, other._items[j].High);
            if (low.CompareTo(high) < 0) result.Add((low, high));
            if (_items[i].High.CompareTo(other._items[j].High) < 0) i++;
            else j++;
        }
        return new([.. result]);
    }

    public VersionIntervals Complement()
    {
        var result = new List<(VersionCut, VersionCut)>();
        var cursor = VersionCut.Bottom;
        foreach (var (low, high) in _items)
        {
            if (cursor.CompareTo(low) < 0) result.Add((cursor, low));
            cursor = high;
        }
        if (cursor.CompareTo(VersionCut.Top) < 0) result.Add((cursor, VersionCut.Top));
        return new([.. result]);
    }

    private static VersionCut Max(VersionCut a, VersionCut b) => a.CompareTo(b) >= 0 ? a : b;

    private static VersionCut Min(VersionCut a, VersionCut b) => a.CompareTo(b) <= 0 ? a : b;

    public override string ToString() => string.Join(" ∪ ", _items.Select(i => $"[{i.Low}, {i.High}]"));
}
