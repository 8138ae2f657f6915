using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A versioning scheme: how its versions are written and ordered, named as vers names it (<c>npm</c>, <c>pypi</c>,
/// <c>deb</c>, …). The instances are in <see cref="VersionSchemes"/>. Versions parse into comparable values; two values
/// of the same scheme compare by its rules. The scheme also says how a vers comparator bounds a range, which for most
/// schemes is plain comparison (PyPI gives them PEP 440's meaning, see <see cref="VersionSchemes.PyPI"/>).
/// </summary>
public abstract class VersionScheme
{
    private protected VersionScheme(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The vers versioning-scheme name, e.g. <c>npm</c> or <c>alpine</c>.</summary>
    public string Name { get; }

    /// <summary>One line saying whose versions these are and how they order.</summary>
    public string Description { get; }

    /// <summary>Parses a version of this scheme; false with what is wrong and where.</summary>
    public abstract bool TryParse(string? text, [NotNullWhen(true)] out IComparable? version, [NotNullWhen(false)] out VersionParseError? failure);

    /// <summary>Parses a version of this scheme; throws <see cref="VersionFormatException"/> saying what and where.</summary>
    public IComparable Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Compares two version texts: negative when <paramref name="a"/> is older, zero when equal, positive when newer.</summary>
    /// <exception cref="VersionFormatException">Either text is not a version of this scheme.</exception>
    public int Compare(string a, string b) => Math.Sign(Parse(a).CompareTo(Parse(b)));

    /// <summary>Whether a parsed version is a prerelease, where the scheme has that notion (npm's and Cargo's prerelease rules use it).</summary>
    public virtual bool IsPrerelease(IComparable version) => false;

    /// <summary>The scheme's vers name.</summary>
    public override string ToString() => Name;

    /// <summary>The versions a bare (equal) constraint admits, as the cuts around them.</summary>
    internal virtual (VersionCut Low, VersionCut High) Point(IComparable version) => (VersionCut.Below(version), VersionCut.Above(version));

    /// <summary>The lower cut of &gt;= (inclusive) or &gt;.</summary>
    internal virtual VersionCut Lower(bool inclusive, IComparable version) => inclusive ? VersionCut.Below(version) : VersionCut.Above(version);

    /// <summary>The upper cut of &lt;= (inclusive) or &lt;.</summary>
    internal virtual VersionCut Upper(bool inclusive, IComparable version) => inclusive ? VersionCut.Above(version) : VersionCut.Below(version);

    /// <summary>The constraint that starts a range at <paramref name="cut"/>; null when the scheme's comparators cannot.</summary>
    internal virtual VersConstraint? RenderLower(VersionCut cut) =>
        new VersConstraint(cut.After ? VersComparator.Greater : VersComparator.GreaterOrEqual, cut.At!);

    /// <summary>The constraint that ends a range at <paramref name="cut"/>; null when the scheme's comparators cannot.</summary>
    internal virtual VersConstraint? RenderUpper(VersionCut cut) =>
        new VersConstraint(cut.After ? VersComparator.LessOrEqual : VersComparator.Less, cut.At!);

    /// <summary>The version whose bare constraint spans exactly <paramref name="low"/> to <paramref name="high"/>; null when none does.</summary>
    internal virtual IComparable? RenderPoint(VersionCut low, VersionCut high) =>
        low is { After: false, At: { } a } && high is { After: true, At: { } b } && a.CompareTo(b) == 0 ? a : null;
}
