namespace Firebreak.Domain.Disclosure;

/// <summary>What a reference points at (OSV's reference types, the subset advisories use).</summary>
public enum AdvisoryReferenceType
{
    /// <summary>An advisory: this one's canonical page or another publisher's.</summary>
    Advisory,
    /// <summary>An article or blog post.</summary>
    Article,
    /// <summary>An issue or bug report.</summary>
    Report,
    /// <summary>The fix (commit, pull request, patch).</summary>
    Fix,
    /// <summary>The package's home in its registry.</summary>
    Package,
    /// <summary>Any other web page.</summary>
    Web,
    /// <summary>Evidence: a proof of concept or exploit.</summary>
    Evidence,
}
