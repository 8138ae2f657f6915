using Firebreak.Domain.Common;

namespace Firebreak.Domain.Disclosure;

/// <summary>Checks for the free-text fields of an advisory; each names the field it refuses.</summary>
internal static class AdvisoryText
{
    /// <summary>Trimmed, non-empty, at most <paramref name="max"/> characters and on one line.</summary>
    public static string Line(string? text, string field, int max)
    {
        var value = Required(text, field, max);
        return value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? throw new DomainException($"{field}: must be one line.")
            : value;
    }

    /// <summary>Trimmed, non-empty, at most <paramref name="max"/> characters.</summary>
    public static string Required(string? text, string field, int max)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) throw new DomainException($"{field}: required.");
        return value.Length > max ? throw new DomainException($"{field}: longer than {max} characters.") : value;
    }

    /// <summary>Null for blank text; otherwise as <see cref="Required"/>.</summary>
    public static string? Optional(string? text, string field, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : Required(text, field, max);

    /// <summary>A list that is never null, with every item checked by <paramref name="check"/> (given the item's path).</summary>
    public static IReadOnlyList<T> List<T>(IEnumerable<T>? items, string field, Func<T, string, T> check) =>
        [.. (items ?? []).Select((item, i) => check(item, $"{field}[{i}]"))];
}
