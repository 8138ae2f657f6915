using Firebreak.Domain.Common;
using Firebreak.Domain.Vex;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Writes an advisory as OpenVEX 0.2.0 through the existing <see cref="OpenVexWriter"/>: per affected package an
/// <c>affected</c> statement (with the remediation as action statement) and a <c>fixed</c> one for its patched
/// versions, and per unaffected entry a <c>not_affected</c> statement with its justification. Products are purls.
/// </summary>
public static class OpenVexExporter
{
    /// <summary>The VEX document for the advisory.</summary>
    public static VexDocument ToDocument(SecurityAdvisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var at = advisory.LastModified ?? advisory.Timeline.Published ?? throw new Common.DomainException("timeline.modified: a VEX document needs a date.");
        var name = advisory.CveId ?? advisory.GhsaId ?? advisory.Id;
        var aliases = advisory.Aliases.Append(advisory.Id).Where(a => a != name).ToList();
        var statements = new List<VexStatement>();
        foreach (var product in advisory.Affected)
        {
            // A package known only by its patched versions (imported from CSAF or OpenVEX) has no affected statement.
            if (product.Ranges.Count == 0 && product.AffectedVersions.Count == 0)
            {
                statements.Add(new VexStatement(name, aliases, [.. product.PatchedVersions.Select(v => Product(product.Package, v))], VexStatus.Fixed, at));
                continue;
            }
            var affected = product.AffectedVersions.Count > 0 ? product.AffectedVersions.Select(v => Product(product.Package, v)).ToList() : [Product(product.Package, null)];
            var action = advisory.Remediation ?? (product.PatchedVersions.Count > 0 ? $"Upgrade to {string.Join(" or ", product.PatchedVersions)}." : "No fix is available yet.");
            statements.Add(new VexStatement(name, aliases, affected, VexStatus.Affected, at, actionStatement: action));
            if (product.PatchedVersions.Count > 0)
                statements.Add(new VexStatement(name, aliases, [.. product.PatchedVersions.Select(v => Product(product.Package, v))], VexStatus.Fixed, at));
        }
        foreach (var product in advisory.Unaffected)
        {
            var products = product.Versions.Count > 0 ? product.Versions.Select(v => Product(product.Package, v)).ToList() : [Product(product.Package, null)];
            statements.Add(new VexStatement(name, aliases, products, VexStatus.NotAffected, at, product.Justification, product.ImpactStatement));
        }
        // An advisory still without packages has nothing to state: a broken rule of the advisory, not a fault of the exporter.
        if (statements.Count == 0) throw new DomainException("affected: an OpenVEX document needs at least one affected or not-affected package.");
        return new VexDocument($"{advisory.Publisher.Namespace.TrimEnd('/')}/vex/{advisory.Id}", advisory.Publisher.Name, at,
            Math.Max(1, advisory.Revisions.Count), statements, tooling: "firebreak");
    }

    /// <summary>The document as OpenVEX JSON.</summary>
    public static string Write(SecurityAdvisory advisory) => OpenVexWriter.Write(ToDocument(advisory));

    /// <summary>
    /// Where the runbook keeps the file: <c>vex/&lt;package&gt;-&lt;cve&gt;.json</c>, the package name made safe for a
    /// path (<c>@firebreak/portal</c> becomes <c>firebreak-portal</c>).
    /// </summary>
    public static string FileName(string package, string vulnerability)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(package);
        ArgumentException.ThrowIfNullOrWhiteSpace(vulnerability);
        var safe = new string([.. package.TrimStart('@').Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]);
        return $"vex/{safe}-{vulnerability}.json";
    }

    // A product named by a purl of a type Firebreak has no ecosystem for (imported, e.g. pkg:apk/…) keeps that purl.
    private static VexProduct Product(AdvisoryPackage package, string? version) =>
        package.Purl is null && package.Name.StartsWith("pkg:", StringComparison.Ordinal)
            ? VexProduct.Of(version is null ? package.Name : $"{package.Name}@{Uri.EscapeDataString(version)}")
        : VexProduct.Of(version is null
            ? package.Purl?.ToString() ?? $"pkg:generic/{Uri.EscapeDataString(package.Name)}"
            : package.PurlAt(version) ?? $"pkg:generic/{Uri.EscapeDataString(package.Name)}@{Uri.EscapeDataString(version)}");
}
