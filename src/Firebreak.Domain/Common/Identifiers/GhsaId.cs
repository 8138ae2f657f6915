using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Common;

/// <summary>
/// A GitHub Security Advisory id, <c>GHSA-xxxx-xxxx-xxxx</c>: three groups of four characters from
/// GitHub's alphabet <c>23456789cfghjmpqrvwx</c>. Read without regard to case and kept canonical:
/// the prefix upper case, the groups lower case.
/// </summary>
public readonly record struct GhsaId
{
    private const string Alphabet = "23456789cfghjmpqrvwx";

    private GhsaId(string value) => Value = value;

    /// <summary>The canonical text, e.g. <c>GHSA-jfh8-c2jp-5v3q</c>.</summary>
    public string Value { get; }

    /// <summary>Reads an id; false with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out GhsaId id, out string error)
    {
        id = default;
        var value = text?.Trim() ?? "";
        if (value.Length != 19 || !value.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) || value[9] != '-' || value[14] != '-')
        {
            error = $"'{text}' is not a GHSA id (GHSA-xxxx-xxxx-xxxx).";
            return false;
        }
        var groups = value[5..].ToLowerInvariant();
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] != '-' && !Alphabet.Contains(groups[i], StringComparison.Ordinal))
            {
                error = $"'{text}' is not a GHSA id: '{value[5 + i]}' at position {6 + i} is not one of {Alphabet}.";
                return false;
            }
        }
        error = "";
        id = new GhsaId("GHSA-" + groups);
        return true;
    }

    /// <summary>Reads an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out GhsaId id) => TryParse(text, out id, out _);

    /// <summary>Reads an id or throws a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static GhsaId Parse(string? text, string field) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException($"{field}: {error}");

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
