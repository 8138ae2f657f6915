using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A version range in the vers notation of the package-url project (<c>vers:npm/&gt;=1.0.0|&lt;1.4.2|1.5.0</c>):
/// a <see cref="VersionScheme"/> and constraints sorted by version, or <c>*</c> for every version. A version is in the
/// range when it lies in one of the intervals the constraints mark out, or equals a bare version, and is not excluded
/// by a '!=' — the specification's containment algorithm. <see cref="Parse"/> takes the canonical form only;
/// <see cref="Normalize(string)"/> reads as the specification parses (spaces removed, pipes tolerated, constraints
/// sorted and simplified) and gives the canonical form. Native notations convert to this one (see <see cref="NativeRange"/>).
/// </summary>
public sealed class VersRange
{
    private VersionIntervals? _intervals;

    private VersRange(VersionScheme scheme, IReadOnlyList<VersConstraint> constraints)
    {
        Scheme = scheme;
        Constraints = constraints;
    }

    /// <summary>The versioning scheme.</summary>
    public VersionScheme Scheme { get; }

    /// <summary>The constraints, sorted by version; empty for <c>*</c>.</summary>
    public IReadOnlyList<VersConstraint> Constraints { get; }

    /// <summary>Whether the range is <c>*</c>: every version (no version at all for <c>vers:none/*</c>).</summary>
    public bool IsAny => Constraints.Count == 0;

    /// <summary>Reads a canonical vers; throws <see cref="VersionFormatException"/> saying what is wrong and where.</summary>
    public static VersRange Parse(string text) => TryParse(text, out var r, out var e) ? r : throw new VersionFormatException(e);

    /// <summary>
    /// Reads a canonical vers: lower-case scheme, no spaces, no empty constraints, constraints sorted by version with each
    /// version once, valid and simplified, versions percent-encoded where the specification says. False with what and where.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        if (!VersReader.TryRead(text, strict: true, out var scheme, out var items, out error)) return false;
        error = VersRules.Unsorted(items) ?? VersRules.Invalid(items);
        if (error is null && VersRules.Simplify([.. items]) is { } simple && simple.Count != items.Count)
        {
            var redundant = items.First(x => !simple.Contains(x));
            error = new VersionParseError($"'{redundant.C}' is redundant beside its neighbours (normalising removes it)", redundant.At);
        }
        if (error is not null) return false;
        if (scheme is null) throw new InvalidOperationException("The reader returned no scheme.");
        range = new VersRange(scheme!, [.. items.Select(x => x.C)]);
        return true;
    }

    /// <summary>Reads a vers as the specification parses it and gives its canonical form; throws <see cref="VersionFormatException"/>.</summary>
    public static VersRange Normalize(string text) => TryNormalize(text, out var r, out var e) ? r : throw new VersionFormatException(e);

    /// <summary>
    /// Reads a vers as the specification parses it — spaces and tabs removed, leading, trailing and doubled pipes
    /// ignored — then sorts the constraints, refuses a version given twice, simplifies redundant neighbours and
    /// validates what is left. The result's <see cref="ToString"/> is the canonical form, and normalising it again
    /// gives it back unchanged. False with what is wrong and where.
    /// </summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out VersionParseError? error)
    {
        range = null;
        if (!VersReader.TryRead(text, strict: false, out var scheme, out var items, out error) || !VersRules.TrySort(items, out error)) return false;
        var simple = VersRules.Simplify(items);
        error = VersRules.Invalid(simple);
        if (error is not null) return false;
        range = new VersRange(scheme!, [.. simple.Select(x => x.C)]);
        return true;
    }

    /// <summary>Whether <paramref name="version"/> (a value of this range's scheme) is in the range.</summary>
    public bool Contains(IComparable version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Intervals.Contains(version);
    }

    /// <summary>Whether the version text, read by the range's scheme, is in the range.</summary>
    /// <exception cref="VersionFormatException">The text is not a version of the scheme.</exception>
    public bool Contains(string version) => Contains(Scheme.Parse(version));

    /// <summary>The canonical text: <c>vers:</c>, the scheme, '/', the constraints joined by '|' (or <c>*</c>).</summary>
    public override string ToString() => $"vers:{Scheme.Name}/{(IsAny ? "*" : string.Join('|', Constraints))}";

    /// <summary>The versions in the range as intervals.</summary>
    internal VersionIntervals Intervals => _intervals ??= Scheme == VersionSchemes.NoVersions ? VersionIntervals.Empty : VersIntervals.Of(Scheme, Constraints);

    /// <summary>
    /// The vers of an OSV range: its events walked in version order as OSV evaluates them (introduced opens, fixed
    /// closes before, last_affected closes after, limits cap). Throws <see cref="VersionFormatException"/> when an event
    /// version is not one of the scheme's or the range admits nothing.
    /// </summary>
    public static VersRange FromOsv(AffectedRange range, VersionScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(scheme);
        return From(scheme, OsvIntervals.From(range, scheme));
    }

    /// <summary>
    /// The range as OSV events (SEMVER for the semver scheme, ECOSYSTEM otherwise); null when OSV cannot say it: an
    /// excluded lower end (after '&gt;' or '!=') in a scheme without a next version, or no version at all.
    /// </summary>
    public AffectedRange? ToOsv() => OsvIntervals.ToRange(Intervals, Scheme);

    /// <summary>The vers of a set of versions; throws <see cref="VersionFormatException"/> when vers cannot write it.</summary>
    internal static VersRange From(VersionScheme scheme, VersionIntervals set)
    {
        var constraints = VersIntervals.Write(scheme, set);
        var items = constraints.Select((c, i) => (c, i)).ToList();
        if ((VersRules.Unsorted(items) ?? VersRules.Invalid(items)) is { } problem)
            throw new VersionFormatException(new VersionParseError($"the range cannot be written as a valid vers ({problem.Message})", 0));
        return new VersRange(scheme, constraints);
    }
}
