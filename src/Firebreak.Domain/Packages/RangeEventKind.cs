namespace Firebreak.Domain.Packages;

/// <summary>The kind of an OSV range event.</summary>
public enum RangeEventKind
{
    /// <summary>Versions at or after this one are affected ("0" means from the beginning).</summary>
    Introduced,

    /// <summary>Versions at or after this one are not affected (exclusive upper bound).</summary>
    Fixed,

    /// <summary>Versions after this one are not affected (inclusive upper bound).</summary>
    LastAffected,

    /// <summary>Versions at or after this one are outside the range altogether ("*" means no limit).</summary>
    Limit,
}
