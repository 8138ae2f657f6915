using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// A Dart (pub) version, <c>major.minor.patch[-prerelease][+build]</c>, ordered as pub_semver does: the three
/// numbers, then a prerelease before its release, then no build before any build; prerelease and build identifiers
/// compare as lists (numbers numerically and before words, words by code unit, a longer list after its prefix).
/// A leading 'v' is accepted, as OSV tooling does.
/// </summary>
public sealed class PubVersion : EcosystemVersion<PubVersion>
{
    private readonly string[] _core;
    private readonly string[] _pre;
    private readonly string[] _build;

    private PubVersion(string original, string[] core, string[] pre, string[] build) : base(original) => (_core, _pre, _build) = (core, pre, build);

    /// <summary>Whether the version has a prerelease part.</summary>
    public bool IsPrerelease => _pre.Length > 0;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _core) + "-" + Key(_pre) + "+" + Key(_build);

    private static string Key(string[] parts) => string.Join('.', parts.Select(p => NumericText.IsDigits(p) ? "n" + NumericText.Trim(p) : "s" + p));

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> saying what is wrong and where.</summary>
    public static PubVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; false with what is wrong and where.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PubVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var i = s.Length > 0 && s[0] == 'v' ? 1 : 0;
        var numbers = new List<string>();
        while (true)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) { error = new VersionParseError("expected a number", i); return false; }
            numbers.Add(s[start..i]);
            if (i < s.Length && s[i] == '.') i++;
            else break;
        }
        var core = Enumerable.Range(0, 3).Select(n => n < numbers.Count ? NumericText.Trim(numbers[n]) : "").ToArray();
        string[] pre = [], build = [];
        if (i < s.Length && s[i] == '-' && !Identifiers(s, ref i, out pre, out error)) return false;
        if (i < s.Length && s[i] == '+' && !Identifiers(s, ref i, out build, out error)) return false;
        build = [.. numbers.Skip(3), .. build];
        if (i < s.Length) { error = new VersionParseError($"unexpected '{s[i]}' after the version", i); return false; }
        version = new PubVersion(s, core, pre, build);
        error = null;
        return true;
    }

    // Dot-separated [0-9A-Za-z-]+ identifiers after the '-' or '+' at i.
    internal static bool Identifiers(string s, ref int i, out string[] parts, [NotNullWhen(false)] out VersionParseError? error)
    {
        var list = new List<string>();
        do
        {
            var start = ++i;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-')) i++;
            if (i == start) { parts = []; error = new VersionParseError("an empty or invalid identifier (identifiers are [0-9A-Za-z-])", i); return false; }
            list.Add(s[start..i]);
        }
        while (i < s.Length && s[i] == '.');
        parts = [.. list];
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(PubVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 3; i++)
        {
            var c = NumericText.Compare(_core[i], other._core[i]);
            if (c != 0) return c;
        }
        if (_pre.Length == 0 != (other._pre.Length == 0)) return _pre.Length == 0 ? 1 : -1;
        var p = CompareLists(_pre, other._pre);
        if (p != 0) return p;
        if (_build.Length == 0 != (other._build.Length == 0)) return _build.Length == 0 ? -1 : 1;
        return CompareLists(_build, other._build);
    }

    private static int CompareLists(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            bool an = NumericText.IsDigits(a[i]), bn = NumericText.IsDigits(b[i]);
            var c = an && bn ? NumericText.Compare(a[i], b[i]) : an != bn ? (an ? -1 : 1) : Math.Sign(string.CompareOrdinal(a[i], b[i]));
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
