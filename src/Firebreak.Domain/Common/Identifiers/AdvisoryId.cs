using System.Diagnostics.CodeAnalysis;

namespace Firebreak.Domain.Common;

/// <summary>
/// A project's own advisory id (<c>FBK-2026-0001</c>) or an imported tracking id
/// (<c>RHSA-2021:5186</c>): 1 to 100 letters, digits and <c>- _ . : /</c>, starting with a letter or
/// digit, no spaces. Kept as given (ids are case-sensitive in CSAF and OSV).
/// </summary>
public readonly record struct AdvisoryId
{
    private AdvisoryId(string value) => Value = value;

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>Reads an id; false with the reason when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AdvisoryId id, out string error)
    {
        id = default;
        var value = text?.Trim() ?? "";
        var bad = value.Length is 0 or > 100 ? -1 : IndexOfInvalid(value);
        error = value.Length is 0 or > 100 || bad >= 0
            ? $"'{text}' is not an advisory id (1–100 letters, digits and - _ . : / without spaces, e.g. FBK-2026-0001)" +
              (bad >= 0 ? $": '{value[bad]}' at position {bad + 1}." : ".")
            : "";
        if (error.Length > 0) return false;
        id = new AdvisoryId(value);
        return true;
    }

    /// <summary>Reads an id or throws a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static AdvisoryId Parse(string? text, string field) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException($"{field}: {error}");

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";

    private static int IndexOfInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = char.IsAsciiLetterOrDigit(c) || (i > 0 && c is '-' or '_' or '.' or ':' or '/');
            if (!ok) return i;
        }
        return -1;
    }
}
