using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Incidents;

/// <summary>
/// A release that carries the fix for an incident: the versions it published (the runbook's <c>vX.Y.Z-secfix.N</c>
/// tags are ordinary versions), when it was released, where its tag or release notes are, and optionally where its
/// provenance or attestation can be checked. Made only through <see cref="Create"/>, which names the broken field.
/// </summary>
public sealed class FixRelease
{
    /// <summary>The most versions one release may name.</summary>
    public const int MaxVersions = 20;

    /// <summary>The longest version accepted, in characters.</summary>
    public const int MaxVersionLength = 100;

    /// <summary>The longest link accepted, in characters.</summary>
    public const int MaxUrlLength = 2000;

    private FixRelease()
    {
        Versions = [];
        Url = "";
        RecordedBy = "";
    }

    /// <summary>The versions the release published, in the order given, without repeats.</summary>
    public IReadOnlyList<string> Versions { get; private set; }

    /// <summary>When the release was published (UTC).</summary>
    public DateTime ReleasedAt { get; private set; }

    /// <summary>The tag or release notes (https).</summary>
    public string Url { get; private set; }

    /// <summary>The provenance or attestation of the release's artefacts (https), if published.</summary>
    public string? ProvenanceUrl { get; private set; }

    /// <summary>When it was recorded here (UTC), and by whom.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <inheritdoc cref="RecordedAt"/>
    public string RecordedBy { get; private set; }

    /// <summary>
    /// Checks and builds a release. <paramref name="releasedAt"/> may not lie after <paramref name="now"/> (a release
    /// not yet out cannot stop a clock); it may precede the incident (a fix shipped before the report arrived).
    /// </summary>
    public static FixRelease Create(IEnumerable<string?>? versions, DateTimeOffset releasedAt, string? url, string? provenanceUrl,
        string actor, DateTimeOffset now)
    {
        var checkedVersions = CheckVersions(versions);
        if (releasedAt > now)
            throw new DomainException($"releasedAt: {releasedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} is in the future; record a release once it is out.");
        if (releasedAt.UtcDateTime.Year < 1990) throw new DomainException("releasedAt: before 1990; check the date.");
        return new FixRelease
        {
            Versions = checkedVersions,
            ReleasedAt = releasedAt.UtcDateTime,
            Url = CheckUrl(url, "url") ?? throw new DomainException("url: required: the tag or the release notes (https)."),
            ProvenanceUrl = CheckUrl(provenanceUrl, "provenanceUrl"),
            RecordedAt = now.UtcDateTime,
            RecordedBy = actor,
        };
    }

    private static List<string> CheckVersions(IEnumerable<string?>? versions)
    {
        var list = (versions ?? []).ToList();
        if (list.Count == 0) throw new DomainException("versions: name at least one released version.");
        if (list.Count > MaxVersions) throw new DomainException($"versions: at most {MaxVersions} in one release.");
        var result = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var v = (list[i] ?? "").Trim();
            if (v.Length == 0) throw new DomainException($"versions[{i}]: empty.");
            if (v.Length > MaxVersionLength) throw new DomainException($"versions[{i}]: longer than {MaxVersionLength} characters.");
            if (!char.IsAsciiLetterOrDigit(v[0]) || !v.All(IsVersionChar))
                throw new DomainException($"versions[{i}]: '{Shown(v)}' is not a version (letters, digits and . + - _ ~ only, starting with a letter or digit).");
            if (result.Contains(v, StringComparer.Ordinal)) throw new DomainException($"versions[{i}]: {v} is named twice.");
            result.Add(v);
        }
        return result;
    }

    private static bool IsVersionChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' or '_' or '~';

    /// <summary>An https link to a public place: absolute, with a host, without credentials in it.</summary>
    internal static string? CheckUrl(string? text, string field)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > MaxUrlLength) throw new DomainException($"{field}: longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
            throw new DomainException($"{field}: '{Shown(text)}' is not an absolute https URL.");
        if (uri.UserInfo.Length > 0) throw new DomainException($"{field}: a link must not carry a user name or password.");
        return uri.AbsoluteUri;
    }

    /// <summary>Echoes refused input safely: printable characters only, cut short.</summary>
    internal static string Shown(string text)
    {
        var printable = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return Excerpt.Clip(printable, 60);
    }
}
