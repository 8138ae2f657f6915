namespace Firebreak.Domain.Packages;

/// <summary>Mutable, decoded components while type rules normalise and validate them.</summary>
internal sealed class PurlComponents(string type, List<string> @namespace, string name, string? version,
    SortedDictionary<string, string> qualifiers)
{
    public string Type { get; } = type;
    public List<string> Namespace { get; } = @namespace;
    public string Name { get; set; } = name;
    public string? Version { get; set; } = version;
    public SortedDictionary<string, string> Qualifiers { get; } = qualifiers;
}
