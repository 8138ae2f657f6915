namespace Firebreak.Domain.Packages;

/// <summary>Whether a purl type definition requires, allows or prohibits a component.</summary>
internal enum PurlRequirement
{
    Optional,
    Required,
    Prohibited,
}
