namespace Firebreak.Domain.Packages;

/// <summary>The comparator of one vers constraint.</summary>
public enum VersComparator
{
    /// <summary>A bare version: the version itself (equal by the scheme's rules).</summary>
    Equal,

    /// <summary><c>!=</c>: every version except this one.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>: versions below.</summary>
    Less,

    /// <summary><c>&lt;=</c>: versions below, and this one.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>: versions above.</summary>
    Greater,

    /// <summary><c>&gt;=</c>: this version and those above.</summary>
    GreaterOrEqual,
}
