using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure;

/// <summary>A typed link with an optional name (CSAF's summary, CVE's name).</summary>
public sealed record AdvisoryReference
{
    /// <summary>Creates the reference; the URL must be absolute http or https.</summary>
    public AdvisoryReference(AdvisoryReferenceType type, string url, string? name = null)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DomainException($"references.url: '{url}' is not an absolute http(s) URL.");
        Type = type;
        Url = url!.Trim();
        Name = AdvisoryText.Optional(name, "references.name", 512);
    }

    /// <summary>What the link points at.</summary>
    public AdvisoryReferenceType Type { get; }

    /// <summary>The absolute URL, as given.</summary>
    public string Url { get; }

    /// <summary>A title for the link, if any.</summary>
    public string? Name { get; }
}
