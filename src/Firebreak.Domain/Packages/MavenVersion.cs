namespace Firebreak.Domain.Packages;

/// <summary>
/// A Maven artifact version ordered as Maven's <c>ComparableVersion</c> does: case-insensitive; split on
/// '.', '-' and digit/letter transitions; '-' and transitions open a sub-list; trailing zeros, empty and
/// release qualifiers (ga, final, release) are insignificant; qualifiers order alpha &lt; beta &lt; milestone
/// &lt; rc = cr &lt; snapshot &lt; release &lt; sp &lt; unknown (lexical); a, b, m directly followed by a digit
/// mean alpha, beta, milestone. Every string is a valid Maven version.
/// </summary>
public sealed class MavenVersion : EcosystemVersion<MavenVersion>
{
    private readonly MavenItem _items;

    private MavenVersion(string original, MavenItem items) : base(original) => _items = items;

    /// <inheritdoc/>
    protected override string EqualityKey => _items.ToString();

    /// <summary>Parses a version; Maven accepts any text, so this never fails for non-null input.</summary>
    public static MavenVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MavenVersion(text, MavenVersionParser.Parse(text));
    }

    /// <inheritdoc/>
    public override int CompareTo(MavenVersion? other) => other is null ? 1 : _items.CompareTo(other._items);
}
