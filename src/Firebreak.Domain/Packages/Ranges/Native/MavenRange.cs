using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Maven version range: intervals such as <c>[1.0,2.0)</c>, <c>(,1.0],[1.2,)</c> or <c>[1.5]</c>, joined by commas (a
/// version is in the range when it is in any of them), compared by Maven's ComparableVersion. A bare version means
/// "this version or later", as the Maven Enforcer's version ranges (the page vers cites) define it; Maven's own
/// dependency resolution reads it as a soft preference for any version.
/// </summary>
public sealed class MavenRange : NativeRange
{
    private readonly IReadOnlyList<IntervalNotation.Bounds> _bounds;

    private MavenRange(string text, IReadOnlyList<IntervalNotation.Bounds> bounds) : base(VersionSchemes.Maven, text) => _bounds = bounds;

    /// <summary>Parses a range; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MavenRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        if (!IntervalNotation.TryParse(text ?? "", VersionSchemes.Maven, "Maven", several: true, out var bounds, out error)) return false;
        range = new MavenRange(text!, bounds);
        return true;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version) => _bounds.Any(b => b.Contains(version));

    internal override VersionIntervals Intervals => _bounds.Aggregate(VersionIntervals.Empty, (acc, b) => acc.Union(b.Interval));
}
