using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Common;

/// <summary>
/// A CVE identifier, <c>CVE-YYYY-NNNN</c>: a year from 1999 on and a sequence of 4 to 19 digits
/// (the CVE program's ID syntax, as the CVE JSON 5 schema bounds it). Read without regard to case
/// and kept as the canonical upper-case text.
/// </summary>
public readonly record struct CveId
{
    private CveId(string value) => Value = value;

    /// <summary>The canonical text, e.g. <c>CVE-2021-44228</c>.</summary>
    public string Value { get; }

    /// <summary>Reads an id; false with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CveId id, out string error)
    {
        id = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        error = IdText.Check(value, text?.Trim() ?? "", "CVE-", 4, 4, 19, "CVE id (CVE-YYYY-NNNN)");
        if (error.Length == 0 && int.Parse(value.AsSpan(4, 4), System.Globalization.CultureInfo.InvariantCulture) < 1999)
            error = $"'{text}' is not a CVE id: the year {value[4..8]} is before 1999, the first year of CVE ids.";
        if (error.Length > 0) return false;
        id = new CveId(value);
        return true;
    }

    /// <summary>Reads an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CveId id) => TryParse(text, out id, out _);

    /// <summary>Reads an id or throws a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static CveId Parse(string? text, string field) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException($"{field}: {error}");

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
