using System.Numerics;

namespace Firebreak.Domain.Packages;

/// <summary>
/// node-semver's partial version (its XRANGEPLAIN): major[.minor[.patch[-prerelease][+build]]], where each number is
/// 0 or has no leading zero (at most 2^53 − 1, JavaScript's safe integers) or is a wildcard x, X or *; a prerelease
/// only after three parts. A null number is a wildcard or missing.
/// </summary>
internal sealed record NpmPartial(string? Major, string? Minor, string? Patch, string? Prerelease, string Prefix = "")
{
    /// <summary>node-semver leaves a full version's text in the comparator, which then allows only an optional 'v' before it.</summary>
    public bool PrefixAllowedInComparator => Prefix is "" or "v";

    /// <summary>A wildcard followed by a number (x.1, 1.x.3): node-semver's x-ranges refuse that order.</summary>
    public bool WildcardBeforeNumber => (Major is null && Minor is not null) || (Minor is null && Patch is not null);

    private static readonly BigInteger MaxSafe = (BigInteger.One << 53) - 1;

    public bool IsFull => Major is not null && Minor is not null && Patch is not null;

    public SemanticVersion Version => SemanticVersion.Parse($"{Major}.{Minor}.{Patch}{(Prerelease is null ? "" : "-" + Prerelease)}");

    public static SemanticVersion Make(string major, string minor, string patch, string suffix = "") => SemanticVersion.Parse($"{major}.{minor}.{patch}{suffix}");

    /// <summary>Whether a number is above 2^53 − 1, where node-semver refuses a version.</summary>
    public static bool Unsafe(string number) => BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture) > MaxSafe;

    public static string Next(string number) => (BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a partial from <paramref name="s"/>[<paramref name="i"/>..<paramref name="end"/>] (all of it); <paramref name="prefix"/> allows node-semver's leading v and = characters.</summary>
    public static bool TryRead(string s, int i, int end, bool prefix, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NpmPartial? partial,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out VersionParseError? error)
    {
        partial = Read(s, i, end, prefix, out var problem);
        if (partial is not null)
        {
            error = null;
            return true;
        }
        error = problem ?? new VersionParseError("not a version", i);
        return false;
    }

    private static NpmPartial? Read(string s, int i, int end, bool prefix, out VersionParseError? error)
    {
        var first = i;
        if (prefix) while (i < end && s[i] is 'v' or '=') i++;
        var skipped = s[first..i];
        var numbers = new string?[3];
        var count = 0;
        while (true)
        {
            if (!Number(s, ref i, end, out numbers[count], out error)) return null;
            count++;
            if (count < 3 && i < end && s[i] == '.') { i++; continue; }
            break;
        }
        string? pre = null;
        if (count == 3 && i < end && s[i] == '-')
        {
            var start = i + 1;
            if (!Identifiers(s, ref i, end, prerelease: true, out error)) return null;
            pre = s[start..i];
        }
        if (count == 3 && i < end && s[i] == '+' && !Identifiers(s, ref i, end, prerelease: false, out error)) return null;
        if (i < end)
        {
            error = new VersionParseError($"unexpected '{s[i]}' in a version", i);
            return null;
        }
        error = null;
        return new NpmPartial(numbers[0], numbers[1], numbers[2], pre, skipped);
    }

    private static bool Number(string s, ref int i, int end, out string? number, out VersionParseError? error)
    {
        number = null;
        error = null;
        if (i < end && s[i] is 'x' or 'X' or '*') { i++; return true; }
        var start = i;
        while (i < end && char.IsAsciiDigit(s[i])) i++;
        if (i == start) { error = new VersionParseError("expected a number, x, X or *", i); return false; }
        if (i - start > 1 && s[start] == '0') { error = new VersionParseError("a number has no leading zeros", start); return false; }
        if (BigInteger.Parse(s.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture) > MaxSafe)
        {
            error = new VersionParseError("a number is larger than 2^53 - 1", start);
            return false;
        }
        number = s[start..i];
        return true;
    }

    // Prerelease identifiers: a number without leading zeros, or [0-9A-Za-z-] with a non-digit; build: [0-9A-Za-z-]+.
    private static bool Identifiers(string s, ref int i, int end, bool prerelease, out VersionParseError? error)
    {
        do
        {
            var start = ++i;
            while (i < end && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-')) i++;
            if (i == start) { error = new VersionParseError("an empty or invalid identifier ([0-9A-Za-z-])", i); return false; }
            if (prerelease && i - start > 1 && s[start] == '0' && s.AsSpan(start, i - start).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                error = new VersionParseError("a numeric prerelease identifier has no leading zeros", start);
                return false;
            }
        }
        while (i < end && s[i] == '.');
        error = null;
        return true;
    }
}
