namespace Firebreak.Domain.Packages;

/// <summary>The generic, table-driven part of a registered type's definition.</summary>
internal sealed record PurlTypeRule(
    PurlRequirement Namespace, bool LowerNamespace = false, bool LowerName = false, bool LowerVersion = false);
