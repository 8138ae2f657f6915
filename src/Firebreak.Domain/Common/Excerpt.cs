namespace Firebreak.Domain.Common;

/// <summary>
/// Text quoted back in a message (an error naming what was given, a line of a listing), cut at a length so that a long
/// or hostile input cannot flood it; a cut ends in "…".
/// </summary>
public static class Excerpt
{
    /// <summary>The text, or its first <paramref name="max"/> characters and "…" when it is longer; empty for null.</summary>
    public static string Clip(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
