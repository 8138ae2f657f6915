using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Common;

/// <summary>
/// A CWE identifier, <c>CWE-</c> and a number of one to six digits without leading zeros (CWE-79).
/// Read without regard to case and kept canonical.
/// </summary>
public readonly record struct CweId
{
    private CweId(int number) => Number = number;

    /// <summary>The weakness number, e.g. 79.</summary>
    public int Number { get; }

    /// <summary>The canonical text, e.g. <c>CWE-79</c>.</summary>
    public string Value => $"CWE-{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Reads an id; false with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CweId id, out string error)
    {
        id = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        error = IdText.Check(value, text?.Trim() ?? "", "CWE-", 0, 1, 6, "CWE id (CWE-NNN)");
        if (error.Length == 0 && value[4] == '0') error = $"'{text}' is not a CWE id: the number has a leading zero.";
        if (error.Length > 0) return false;
        id = new CweId(int.Parse(value.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Reads an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CweId id) => TryParse(text, out id, out _);

    /// <summary>Reads an id or throws a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static CweId Parse(string? text, string field) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException($"{field}: {error}");

    /// <inheritdoc/>
    public override string ToString() => Number == 0 ? "" : Value;
}
