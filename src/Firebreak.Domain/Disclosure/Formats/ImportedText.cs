namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Fits text from another format into the model's limits. Both functions are idempotent, so a value imported,
/// exported and imported again is unchanged.
/// </summary>
internal static class ImportedText
{
    /// <summary>One line: whitespace runs (line breaks included) become one space; cut with "…" at <paramref name="max"/> characters; null when blank.</summary>
    public static string? Line(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Cut(collapsed, max);
    }

    /// <summary>Multi-line text, trimmed and cut with "…" at <paramref name="max"/> characters; null when blank.</summary>
    public static string? Block(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Cut(text.Trim(), max);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
