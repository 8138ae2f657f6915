using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Conan 2 version (<c>conans.model.version</c>): the main part is '.'-separated items, numbers where they read as
/// one, words otherwise; a prerelease follows the last '-' and a build the last '+', each itself a Conan version.
/// Trailing zero items are insignificant (1.2.0 = 1.2). Items compare numerically when both are numbers, otherwise as
/// text; a prerelease sorts before the release of the same main part; no build sorts before any build. Conan mixes
/// numbers and words by their text, which is not a total order when a position holds both (2 &gt; 1a &gt; 10 &gt; 2);
/// versions that keep numbers and words apart are totally ordered.
/// </summary>
public sealed class ConanVersion : EcosystemVersion<ConanVersion>
{
    private readonly string[] _items;      // trailing "0" items removed; numbers without leading zeros
    private readonly ConanVersion? _pre;
    private readonly ConanVersion? _build;

    private ConanVersion(string original, string[] items, ConanVersion? pre, ConanVersion? build) : base(original) => (_items, _pre, _build) = (items, pre, build);

    /// <summary>Whether the version has a prerelease part.</summary>
    public bool IsPrerelease => _pre is not null;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _items.Select(i => NumericText.IsDigits(i) ? "n" + i : "s" + i))
        + "-(" + _pre?.EqualityKey + ")+(" + _build?.EqualityKey + ")";

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> saying what is wrong and where.</summary>
    public static ConanVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; false for empty text or an empty part.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ConanVersion? version, [NotNullWhen(false)] out VersionParseError? error) =>
        TryParse(text ?? "", 0, out version, out error);

    private static bool TryParse(string s, int offset, [NotNullWhen(true)] out ConanVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        if (s.Length == 0 || s.Any(char.IsWhiteSpace))
        {
            error = new VersionParseError(s.Length == 0 ? "a Conan version (or its prerelease or build) is empty" : "a Conan version has no spaces",
                offset + Math.Max(0, s.IndexOf(s.FirstOrDefault(char.IsWhiteSpace))));
            return false;
        }
        ConanVersion? pre = null, build = null;
        var main = s;
        var plus = main.LastIndexOf('+');
        if (plus >= 0 && !TryParse(main[(plus + 1)..], offset + plus + 1, out build, out error)) return false;
        if (plus >= 0) main = main[..plus];
        var dash = main.LastIndexOf('-');
        if (dash >= 0 && !TryParse(main[(dash + 1)..], offset + dash + 1, out pre, out error)) return false;
        if (dash >= 0) main = main[..dash];
        var items = main.Split('.').Select(i => NumericText.IsDigits(i) ? NumericText.Trim(i) is { Length: > 0 } n ? n : "0" : i).ToList();
        while (items.Count > 0 && items[^1] == "0") items.RemoveAt(items.Count - 1);
        version = new ConanVersion(s, [.. items], pre, build);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(ConanVersion? other)
    {
        if (other is null) return 1;
        var main = CompareItems(_items, other._items);
        if (_pre is not null && other._pre is not null)
        {
            if (main != 0) return main;
            var p = _pre.CompareTo(other._pre);
            return p != 0 ? p : CompareBuild(_build, other._build);
        }
        if (_pre is not null || other._pre is not null) return main != 0 ? main : _pre is not null ? -1 : 1;
        return main != 0 ? main : CompareBuild(_build, other._build);
    }

    private static int CompareBuild(ConanVersion? a, ConanVersion? b) => a is null ? (b is null ? 0 : -1) : a.CompareTo(b);

    private static int CompareItems(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = NumericText.IsDigits(a[i]) && NumericText.IsDigits(b[i]) ? NumericText.Compare(a[i], b[i]) : Math.Sign(string.CompareOrdinal(a[i], b[i]));
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }
}
