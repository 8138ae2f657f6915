using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Firebreak.Domain.Packages;

/// <summary>
/// An OpenSSL release version. Before 3.0: <c>major.minor.fix[letters][-(alpha|beta|pre)N]</c> (0.9.8zh, 1.0.2u,
/// 1.1.1-pre9); from 3.0 on: <c>major.minor.patch[-(alpha|beta)N]</c>. Ordered by the three numbers, then the patch
/// letters (none first, then by length and text, so z &lt; za), then a prerelease (alpha &lt; beta &lt; pre, with its
/// number) before the release itself.
/// </summary>
public sealed partial class OpenSslVersion : EcosystemVersion<OpenSslVersion>
{
    private static readonly string[] Stages = ["alpha", "beta", "pre"];

    private readonly string[] _numbers;
    private readonly string _letters;
    private readonly int _stage;          // index in Stages; Stages.Length for a release
    private readonly string _stageNumber;

    private OpenSslVersion(string original, string[] numbers, string letters, int stage, string stageNumber) : base(original) =>
        (_numbers, _letters, _stage, _stageNumber) = (numbers, letters, stage, stageNumber);

    /// <summary>Whether this is an alpha, beta or pre release.</summary>
    public bool IsPrerelease => _stage < Stages.Length;

    /// <inheritdoc/>
    protected override string EqualityKey => $"{string.Join('.', _numbers)}{_letters}-{_stage}.{_stageNumber}";

    /// <summary>Parses a version; throws <see cref="VersionFormatException"/> saying what is wrong and where.</summary>
    public static OpenSslVersion Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new VersionFormatException(e);

    /// <summary>Parses a version; false with the position of the first character the grammar does not allow.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OpenSslVersion? version, [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        var s = text ?? "";
        var m = Grammar().Match(s);
        if (!m.Success || m.Length != s.Length)
        {
            error = new VersionParseError("not an OpenSSL version (major.minor.patch, letters before 3.0, -alphaN/-betaN/-preN)", m.Success ? m.Length : 0);
            return false;
        }
        var numbers = new[] { m.Groups["major"].Value, m.Groups["minor"].Value, m.Groups["patch"].Value }.Select(NumericText.Trim).ToArray();
        var letters = m.Groups["letters"].Value;
        if (letters.Length > 0 && NumericText.Compare(numbers[0], "3") >= 0)
        {
            error = new VersionParseError("OpenSSL 3.0 and later have no patch letters", m.Groups["letters"].Index);
            return false;
        }
        var stage = m.Groups["stage"].Success ? Array.IndexOf(Stages, m.Groups["stage"].Value) : Stages.Length;
        version = new OpenSslVersion(s, numbers, letters, stage, NumericText.Trim(m.Groups["snum"].Value));
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override int CompareTo(OpenSslVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < 3; i++)
        {
            var c = NumericText.Compare(_numbers[i], other._numbers[i]);
            if (c != 0) return c;
        }
        if (_letters.Length != other._letters.Length) return _letters.Length < other._letters.Length ? -1 : 1;
        var l = Math.Sign(string.CompareOrdinal(_letters, other._letters));
        if (l != 0) return l;
        if (_stage != other._stage) return _stage < other._stage ? -1 : 1;
        return NumericText.Compare(_stageNumber, other._stageNumber);
    }

    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)\.(?<patch>[0-9]+)(?<letters>[a-z]*)(-(?<stage>alpha|beta|pre)(?<snum>[0-9]+))?", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
