using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Packages;

/// <summary>
/// An nginx release version, <c>major.minor.patch</c>, ordered numerically. An even minor number is a stable branch,
/// an odd one mainline (<see cref="IsStable"/>), which nginx's advisories use to say which branches are affected.
/// </summary>
public sealed class NginxVersion : EcosystemVersion<NginxVersion>
{
    private readonly string[] _numbers;

    private NginxVersion(string original, string[] numbers) : base(original) => _numbers = numbers;

    /// <summary>Whether the minor number is even (a stable branch).</summary>
    public bool IsStable => _numbers[1].Length == 0 || (_numbers[1][^1] - '0') % 2 == 0;

    /// <inheritdoc/>
    protected override string EqualityKey => string.Join('.', _numbers);

    /// <summary>Parses a version; false with what is wrong and where.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NginxVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var numbers = new string[3];
        var i = 0;
        for (var n = 0; n < 3; n++)
        {
            if (n > 0)
            {
                if (i >= s.Length || s[i] != '.') { error = new VersionParseError("an nginx version is major.minor.patch; expected '.'", i); return false; }
                i++;
            }
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) { error = new VersionParseError("expected a number", i); return false; }
            numbers[n] = NumericText.Trim(s[start..i]);
        }
        if (i < s.Length) { error = new VersionParseError($"unexpected '{s[i]}' after major.minor.patch", i); return false; }
        version = new NginxVersion(s, numbers);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(NginxVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 3; i++)
        {
            var c = NumericText.Compare(_numbers[i], other._numbers[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
