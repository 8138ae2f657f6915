using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A NuGet version range: one interval such as <c>[1.0,2.0)</c>, <c>(,1.0]</c>, <c>(1.0,)</c> or <c>[1.0]</c>, or a
/// bare version, which NuGet reads as a minimum (x &gt;= 1.0); compared by NuGet's rules, prereleases included as
/// NuGet's <c>VersionRange.Satisfies</c> includes them. Floating versions (1.*) pick a version rather than bound one
/// and are refused.
/// </summary>
public sealed class NuGetRange : NativeRange
{
    private readonly IntervalNotation.Bounds _bounds;

    private NuGetRange(string text, IntervalNotation.Bounds bounds) : base(VersionSchemes.NuGet, text) => _bounds = bounds;

    /// <summary>Parses a range; false with what is wrong and where (zero-based).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NuGetRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        if (!IntervalNotation.TryParse(text ?? "", VersionSchemes.NuGet, "NuGet", several: false, out var bounds, out error)) return false;
        range = new NuGetRange(text!, bounds[0]);
        return true;
    }

    /// <inheritdoc/>
    public override bool Contains(IComparable version) => _bounds.Contains(version);

    internal override VersionIntervals Intervals => _bounds.Interval;
}
