namespace Firebreak.Domain.Disclosure;

/// <summary>A weakness class: a validated CWE id and, optionally, its catalogue name (CSAF requires one).</summary>
public sealed record Cwe
{
    /// <summary>Creates the weakness; throws a <see cref="Common.DomainException"/> for an id that is not CWE-NNN.</summary>
    public Cwe(string id, string? name = null)
    {
        Id = AdvisoryIdentifiers.Cwe(id, "cwes.id");
        Name = AdvisoryText.Optional(name, "cwes.name", 512);
    }

    /// <summary>The id, e.g. <c>CWE-459</c>.</summary>
    public string Id { get; }

    /// <summary>The catalogue name, e.g. <c>Incomplete Cleanup</c>.</summary>
    public string? Name { get; }

    /// <summary><c>CWE-459: Incomplete Cleanup</c>, or the id alone.</summary>
    public string Label => Name is null ? Id : $"{Id}: {Name}";
}
