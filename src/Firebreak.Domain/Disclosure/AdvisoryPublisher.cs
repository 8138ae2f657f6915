using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// Who publishes the advisory: a name, the namespace URL CSAF requires, the vendor and product names CVE
/// records use for packages without their own vendor, and the CNA's organisation UUID when there is one.
/// </summary>
public sealed record AdvisoryPublisher
{
    /// <summary>Creates the publisher; the namespace must be an absolute http(s) URL.</summary>
    public AdvisoryPublisher(string name, string @namespace, PublisherCategory category = PublisherCategory.Vendor,
        string? vendor = null, string? product = null, Guid? cveOrgId = null)
    {
        Name = AdvisoryText.Line(name, "publisher.name", 200);
        if (!Uri.TryCreate(@namespace?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DomainException($"publisher.namespace: '{@namespace}' is not an absolute http(s) URL.");
        Namespace = @namespace!.Trim();
        Category = category;
        Vendor = AdvisoryText.Optional(vendor, "publisher.vendor", 512) ?? Name;
        Product = AdvisoryText.Optional(product, "publisher.product", 2048);
        CveOrgId = cveOrgId == Guid.Empty ? throw new DomainException("publisher.cve_org_id: the empty UUID is not an organisation.") : cveOrgId;
    }

    /// <summary>The publisher's name.</summary>
    public string Name { get; }

    /// <summary>The publisher's namespace URL (CSAF <c>publisher.namespace</c>).</summary>
    public string Namespace { get; }

    /// <summary>The kind of publisher.</summary>
    public PublisherCategory Category { get; }

    /// <summary>The vendor name for CVE's <c>affected[].vendor</c>; the publisher's name unless given.</summary>
    public string Vendor { get; }

    /// <summary>The project's product name, if it differs from its packages.</summary>
    public string? Product { get; }

    /// <summary>The CNA organisation UUID (CVE <c>providerMetadata.orgId</c>), given as configuration.</summary>
    public Guid? CveOrgId { get; }
}
