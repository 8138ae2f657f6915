using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// The versions and ranges an import collects for one package and status, each kept once in first-seen order.
/// Ordered dictionaries keep the import linear in the number of product ids, however large a hostile document is.
/// </summary>
internal sealed class CsafStatusBucket
{
    private readonly OrderedDictionary<string, AffectedRange?> entries = new(StringComparer.Ordinal);

    public void Add(CsafProduct product) => entries.TryAdd(product.Version, product.Range);

    /// <summary>Version texts that are not ranges.</summary>
    public List<string> Versions => [.. entries.Where(e => e.Value is null).Select(e => e.Key)];

    /// <summary>Every version text, ranges included (patched versions are texts in the model).</summary>
    public List<string> Texts => [.. entries.Keys];

    public List<AffectedRange> Ranges => [.. entries.Values.OfType<AffectedRange>()];
}
