namespace Firebreak.Domain.Vex;

/// <summary>
/// A product a VEX statement is about, and optionally the subcomponents inside it that carry the vulnerability.
/// Identifiers are IRIs as written (usually package URLs); an <c>identifiers.purl</c> given instead of
/// <c>@id</c> is read into <see cref="Id"/>.
/// </summary>
/// <param name="Id">The product's identifier, e.g. <c>pkg:cargo/smallvec@0.6.1</c>.</param>
/// <param name="Subcomponents">Identifiers of subcomponents; empty when the statement is about the product itself.</param>
public sealed record VexProduct(string Id, IReadOnlyList<string> Subcomponents)
{
    /// <summary>A product without subcomponents.</summary>
    public static VexProduct Of(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new VexProduct(id, []);
    }
}
