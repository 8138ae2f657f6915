using System.Text;

namespace Firebreak.Domain.Risks;

/// <summary>
/// Text in a cell of a GitHub-flavoured Markdown table, both ways. Writing escapes exactly four things: a backslash as
/// <c>\\</c>, a pipe as <c>\|</c>, a less-than sign as <c>\&lt;</c> and a line break as <c>&lt;br&gt;</c>; every other
/// character is written as it is. Reading undoes that and follows CommonMark for what a person may have typed: a
/// backslash before ASCII punctuation stands for that character, before anything else it is itself; <c>&lt;br&gt;</c>,
/// <c>&lt;br/&gt;</c> and <c>&lt;br /&gt;</c> (any case) are line breaks. So reading what was written gives the text back.
/// </summary>
public static class MarkdownCell
{
    /// <summary>The cell text of <paramref name="text"/> (LF line breaks).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '|': sb.Append(@"\|"); break;
                case '<': sb.Append(@"\<"); break;
                case '\n': sb.Append("<br>"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The text of a cell's content (already split from its row and trimmed).</summary>
    public static string Decode(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var sb = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == '\\' && i + 1 < cell.Length && IsAsciiPunctuation(cell[i + 1]))
            {
                sb.Append(cell[++i]);
            }
            else if (c == '<' && LineBreakAt(cell, i) is var length and > 0)
            {
                sb.Append('\n');
                i += length - 1;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    private static int LineBreakAt(string cell, int i)
    {
        foreach (var form in (string[])["<br>", "<br/>", "<br />"])
            if (string.Compare(cell, i, form, 0, form.Length, StringComparison.OrdinalIgnoreCase) == 0) return form.Length;
        return 0;
    }

    /// <summary>
    /// Splits a table row into its cells' raw contents (trimmed of spaces and tabs) with the 1-based column where each
    /// begins. A pipe after a backslash belongs to the cell; the leading pipe is required, the trailing one optional.
    /// </summary>
    public static IReadOnlyList<(string Raw, int Column)> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cells = new List<(string, int)>();
        var start = line.IndexOf('|', StringComparison.Ordinal) + 1;
        var current = new StringBuilder();
        var cellStart = start;
        for (var i = start; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                current.Append(line, i, 2);
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(Trimmed(current.ToString(), cellStart));
                current.Clear();
                cellStart = i + 1;
            }
            else current.Append(line[i]);
        }
        if (current.ToString().Trim(' ', '\t').Length > 0) cells.Add(Trimmed(current.ToString(), cellStart));
        return cells;
    }

    private static (string, int) Trimmed(string raw, int offset)
    {
        var trimmed = raw.Trim(' ', '\t');
        // An empty cell is located where it begins (just after its pipe); a full one at its first character.
        var lead = trimmed.Length == 0 ? 0 : raw.Length - raw.TrimStart(' ', '\t').Length;
        return (trimmed, offset + lead + 1);
    }
}
