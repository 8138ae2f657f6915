using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// What one CSAF product id names, as the model can hold it: a vendor, a product name, and the version text of the
/// innermost version branch (or the product's own name), with its vers range read back when it is one.
/// </summary>
/// <param name="Vendor">The innermost vendor branch, else the publisher's name.</param>
/// <param name="Name">The innermost product_name branch, else the product's full name.</param>
/// <param name="Version">The product_version / product_version_range / service_pack / patch_level name, else the product's full name.</param>
/// <param name="Range">The range when <paramref name="Version"/> is a vers string the model can hold.</param>
internal sealed record CsafProduct(string Vendor, string Name, string Version, AffectedRange? Range)
{
    public (string Vendor, string Name) Package => (Vendor, Name);
}
