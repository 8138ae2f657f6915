namespace Firebreak.Domain.Packages;

/// <summary>
/// Base for an ecosystem's parsed version: ordering by the ecosystem's rules, and equality meaning
/// "compares equal" (so <c>1.0</c> equals <c>1.0.0</c> where the ecosystem says so).
/// </summary>
/// <typeparam name="TSelf">The concrete version type.</typeparam>
public abstract class EcosystemVersion<TSelf> : IComparable<TSelf>, IComparable, IEquatable<TSelf>
    where TSelf : EcosystemVersion<TSelf>
{
    /// <summary>Creates the version from its original text.</summary>
    protected EcosystemVersion(string original) => Original = original;

    /// <summary>The text the version was parsed from.</summary>
    public string Original { get; }

    /// <summary>
    /// A string that is equal for two versions exactly when they compare equal; used for hashing.
    /// </summary>
    protected abstract string EqualityKey { get; }

    /// <summary>Orders by the ecosystem's rules; null sorts first.</summary>
    public abstract int CompareTo(TSelf? other);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        TSelf other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare {GetType().Name} with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <inheritdoc/>
    public bool Equals(TSelf? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TSelf other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(EqualityKey);

    /// <summary>The original text.</summary>
    public override string ToString() => Original;

    /// <summary>Equal by the ecosystem's ordering.</summary>
    public static bool operator ==(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) =>
        left is null ? right is null : right is not null && left.Equals((object)right);

    /// <summary>Not equal by the ecosystem's ordering.</summary>
    public static bool operator !=(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) => !(left == right);

    /// <summary>Strictly lower.</summary>
    public static bool operator <(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) => Compare(left, right) < 0;

    /// <summary>Lower or equal.</summary>
    public static bool operator <=(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) => Compare(left, right) <= 0;

    /// <summary>Strictly higher.</summary>
    public static bool operator >(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) => Compare(left, right) > 0;

    /// <summary>Higher or equal.</summary>
    public static bool operator >=(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) => Compare(left, right) >= 0;

    private static int Compare(EcosystemVersion<TSelf>? left, EcosystemVersion<TSelf>? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo((object?)right);
}
