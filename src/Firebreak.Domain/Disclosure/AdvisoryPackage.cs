using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure;

/// <summary>
/// What an advisory is about: a package of a known ecosystem (with its versionless purl), or a named product of a
/// vendor (as CSAF and CVE records name things). <see cref="Name"/> is the package name as the ecosystem's OSV
/// records spell it (<c>@scope/name</c>, <c>group:artifact</c>).
/// </summary>
public sealed record AdvisoryPackage
{
    private AdvisoryPackage(string name, Ecosystem? ecosystem, PackageUrl? purl, string? vendor)
    {
        Name = name;
        Ecosystem = ecosystem;
        Purl = purl;
        Vendor = vendor;
    }

    /// <summary>The package or product name.</summary>
    public string Name { get; }

    /// <summary>The package's ecosystem; null for a product known only by vendor and name.</summary>
    public Ecosystem? Ecosystem { get; }

    /// <summary>The versionless package URL; null for a product known only by vendor and name.</summary>
    public PackageUrl? Purl { get; }

    /// <summary>Who makes the product; null to use the publisher's vendor name.</summary>
    public string? Vendor { get; }

    /// <summary>A package of an ecosystem, e.g. npm <c>@firebreak/core</c>.</summary>
    public static AdvisoryPackage InEcosystem(Ecosystem ecosystem, string name, string? vendor = null)
    {
        var checkedName = AdvisoryText.Line(name, "package.name", 512);
        var text = ecosystem switch
        {
            Packages.Ecosystem.Maven when checkedName.Split(':') is [var group, var artifact] => $"pkg:maven/{group}/{artifact}",
            Packages.Ecosystem.Npm when checkedName.StartsWith('@') => $"pkg:npm/{checkedName.Replace("@", "%40", StringComparison.Ordinal)}",
            _ => $"pkg:{ecosystem.ToPurlType()}/{checkedName}",
        };
        var purl = PackageUrl.TryParse(text, PurlStrictness.Lenient, out var parsed, out var error)
            ? parsed : throw new DomainException($"package.name: '{name}' is not a valid {ecosystem.ToOsvName()} package name: {error}");
        return new AdvisoryPackage(checkedName, ecosystem, purl, AdvisoryText.Optional(vendor, "package.vendor", 512));
    }

    /// <summary>A package named by a purl; its version, if any, is dropped (versions belong to the ranges).</summary>
    public static AdvisoryPackage FromPurl(string purl, string? vendor = null)
    {
        if (!PackageUrl.TryParse(purl?.Trim(), PurlStrictness.Lenient, out var parsed, out var error))
            throw new DomainException($"package.purl: '{purl}' is not a package URL: {error}");
        if (!EcosystemNames.TryFromPurlType(parsed.Type, out var ecosystem))
            throw new DomainException($"package.purl: purl type '{parsed.Type}' has no known ecosystem.");
        var name = parsed.Namespace is null ? parsed.Name
            : ecosystem == Packages.Ecosystem.Maven ? $"{parsed.Namespace}:{parsed.Name}" : $"{parsed.Namespace}/{parsed.Name}";
        return InEcosystem(ecosystem, name, vendor);
    }

    /// <summary>A product known by vendor and name only.</summary>
    public static AdvisoryPackage Product(string? vendor, string name) =>
        new(AdvisoryText.Line(name, "package.name", 2048), null, null, AdvisoryText.Optional(vendor, "package.vendor", 512));

    /// <summary>The purl of one version of the package; null for a product without a purl.</summary>
    public string? PurlAt(string version) => Purl is null ? null : $"{Purl}@{Uri.EscapeDataString(version)}";

    /// <summary>Name and, for packages, the ecosystem in brackets: <c>@firebreak/core (npm)</c>.</summary>
    public string Label => Ecosystem is { } e ? $"{Name} ({e.ToOsvName()})" : Name;
}
