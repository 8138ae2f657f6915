namespace Firebreak.Domain.Packages;

/// <summary>
/// One item of Maven's ComparableVersion: an integer, a qualifier string, or a list (a sub-version
/// begun by '-' or by a digit/letter transition). Comparison follows ComparableVersion exactly,
/// including comparison against a missing item ("null"), which pads the shorter version.
/// </summary>
internal sealed class MavenItem
{
    // Known qualifiers in order; "" is the release. Unknown qualifiers sort after all of them, lexically.
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private const string ReleaseRank = "5";

    private MavenItem(MavenItemKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public MavenItemKind Kind { get; }
    public string Value { get; }
    public List<MavenItem> Items { get; } = [];

    public static MavenItem List() => new(MavenItemKind.List, "");

    public static MavenItem Number(string digits) => new(MavenItemKind.Int, NumericText.Trim(digits));

    public static MavenItem Qualifier(string value, bool followedByDigit)
    {
        if (followedByDigit && value.Length == 1)
        {
            value = value[0] switch { 'a' => "alpha", 'b' => "beta", 'm' => "milestone", _ => value };
        }
        value = value switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => value };
        return new(MavenItemKind.String, value);
    }

    public bool IsNull => Kind switch
    {
        MavenItemKind.Int => Value.Length == 0,
        MavenItemKind.String => Value.Length == 0,
        MavenItemKind.List => Items.Count == 0,
    };

    /// <summary>Removes trailing null items (0, release qualifiers, empty lists) up to the last non-list.</summary>
    public void Normalize(bool isRoot)
    {
        for (var i = Items.Count - 1; i >= 0; i--)
        {
            if (Items[i].IsNull) Items.RemoveAt(i);
            else if (Items[i].Kind != MavenItemKind.List) break;
        }
        // A sub-list left holding only another sub-list ("1-ga-1" after dropping "ga") is the same
        // sub-version as that inner list, so "1-ga-1" equals "1-1". Not so at the root: "0-1" is [[1]]
        // and sorts below every release, unlike "1".
        if (!isRoot && Items is [{ Kind: MavenItemKind.List } only])
        {
            Items.Clear();
            Items.AddRange(only.Items);
        }
    }

    public int CompareTo(MavenItem? other) => Kind switch
    {
        MavenItemKind.Int => other is null ? (Value.Length == 0 ? 0 : 1)
            : other.Kind == MavenItemKind.Int ? NumericText.Compare(Value, other.Value) : 1,
        MavenItemKind.String => other is null ? Math.Sign(string.CompareOrdinal(Rank(Value), ReleaseRank))
            : other.Kind == MavenItemKind.String ? Math.Sign(string.CompareOrdinal(Rank(Value), Rank(other.Value))) : -1,
        MavenItemKind.List => other is null ? (Items.Count == 0 ? 0 : Items[0].CompareTo(null))
            : other.Kind switch
            {
                MavenItemKind.Int => -1,
                MavenItemKind.String => 1,
                MavenItemKind.List => CompareLists(other),
            },
    };

    private int CompareLists(MavenItem other)
    {
        for (var i = 0; i < Math.Max(Items.Count, other.Items.Count); i++)
        {
            var left = i < Items.Count ? Items[i] : null;
            var right = i < other.Items.Count ? other.Items[i] : null;
            var c = left is null ? (right is null ? 0 : -right.CompareTo(null)) : left.CompareTo(right);
            if (c != 0) return c;
        }
        return 0;
    }

    private static string Rank(string qualifier)
    {
        var i = Array.IndexOf(Qualifiers, qualifier);
        return i >= 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : Qualifiers.Length + "-" + qualifier;
    }

    public override string ToString() => Kind switch
    {
        MavenItemKind.Int => Value.Length == 0 ? "0" : Value,
        MavenItemKind.String => Value,
        MavenItemKind.List => "[" + string.Join(',', Items) + "]",
    };
}
