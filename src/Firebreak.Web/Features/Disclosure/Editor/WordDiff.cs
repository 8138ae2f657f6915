namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>What one piece of a difference is.</summary>
internal enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of tokens (words with the spaces between them) that is kept, inserted or deleted.</summary>
internal sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// A word-level difference between two texts: each text is cut into tokens (runs of letters and digits, and every
/// other character alone, each with the spaces after it), the longest common subsequence of tokens is found, and the rest is
/// reported as deleted (only in the old text) or inserted (only in the new). Adjacent pieces of one kind are merged,
/// and deletions come before insertions where both replace the same place. Common leading and trailing tokens are
/// cut off first, so a small edit to a long text stays cheap; past <see cref="MaxCells"/> comparisons the middle is
/// reported as one deletion and one insertion rather than spending unbounded time.
/// </summary>
internal static class WordDiff
{
    /// <summary>The largest LCS table (old tokens × new tokens) computed.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start]) start++;
        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }
        var pieces = new List<DiffPiece>();
        Add(pieces, DiffKind.Same, a.Take(start));
        Middle(pieces, a.GetRange(start, endA - start), b.GetRange(start, endB - start));
        Add(pieces, DiffKind.Same, a.Skip(endA));
        return pieces;
    }

    /// <summary>True when the texts differ in anything.</summary>
    public static bool Changed(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);

    private static void Middle(List<DiffPiece> pieces, List<string> a, List<string> b)
    {
        if ((long)a.Count * b.Count > MaxCells)
        {
            Add(pieces, DiffKind.Deleted, a);
            Add(pieces, DiffKind.Inserted, b);
            return;
        }
        // lcs[i, j]: the length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y]) { Add(pieces, DiffKind.Same, [a[x]]); x++; y++; }
            else if (y == b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1])) { Add(pieces, DiffKind.Deleted, [a[x]]); x++; }
            else { Add(pieces, DiffKind.Inserted, [b[y]]); y++; }
        }
    }

    private static void Add(List<DiffPiece> pieces, DiffKind kind, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0) return;
        if (pieces.Count > 0 && pieces[^1].Kind == kind) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else pieces.Add(new DiffPiece(kind, text));
    }

    /// <summary>Words (letters and digits) and each other character on its own, each with the white space after it.</summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(text[i])) while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            else if (!char.IsWhiteSpace(text[i])) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            // The spaces after a token belong to it, so shared spaces do not cut a replaced phrase into word-by-word pieces.
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }
}
