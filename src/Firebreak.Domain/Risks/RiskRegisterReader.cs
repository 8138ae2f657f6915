using System.Globalization;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Risks;

/// <summary>
/// Reads <c>RISK-REGISTER.md</c> (<see cref="RiskRegisterMarkdown"/>): the first table whose header names the register's
/// columns, its delimiter row, then one entry per row until the first line that is not a table row. Text around the
/// table is ignored; a second table row after the table has ended is an error (an entry must not be dropped silently).
/// </summary>
internal sealed class RiskRegisterReader(string text)
{
    private readonly List<RiskRegisterError> _errors = [];

    public RiskRegisterReading Read()
    {
        var lines = (text.StartsWith('\uFEFF') ? text[1..] : text).Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        var header = lines.FindIndex(IsRow);
        if (header < 0)
        {
            Error(1, 1, "table", $"no table found: the register is a Markdown table whose header row is | {string.Join(" | ", RiskRegisterMarkdown.Columns)} |.");
            return Done([]);
        }
        if (!HeaderIsSound(lines, header)) return Done([]);
        var rows = new List<RiskRow>();
        var places = new List<RiskRowPlace>();
        var seen = new Dictionary<int, int>();
        var end = header + 2;
        for (; end < lines.Count && IsRow(lines[end]) && _errors.Count < RiskRegisterMarkdown.MaxErrors; end++)
        {
            if (ReadRow(lines[end], end + 1) is not { } row) continue;
            if (seen.TryGetValue(row.Id.Number, out var first))
                Error(end + 1, Column(lines[end], 0), "ID", $"{row.Id} appears twice (first on line {first}).");
            else
            {
                seen[row.Id.Number] = end + 1;
                rows.Add(row);
                places.Add(new RiskRowPlace(end + 1, Column(lines[end], RiskRegisterMarkdown.Columns.Count - 1)));
            }
        }
        var stray = lines.FindIndex(end, IsRow);
        if (stray >= 0 && _errors.Count < RiskRegisterMarkdown.MaxErrors)
            Error(stray + 1, Column(lines[stray], -1), "table", $"a table row after the register ended on line {end}: keep every entry in one table, without blank lines between rows.");
        return _errors.Count == 0 ? new(rows, []) { Places = places } : Done([]);
    }

    private RiskRegisterReading Done(List<RiskRow> rows) => _errors.Count == 0 ? new(rows, []) : new([], [.. _errors]);

    private static bool IsRow(string line) => line.TrimStart(' ', '\t').StartsWith('|');

    private bool HeaderIsSound(List<string> lines, int header)
    {
        var columns = RiskRegisterMarkdown.Columns;
        var cells = MarkdownCell.Split(lines[header]);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i >= cells.Count)
            {
                Error(header + 1, lines[header].Length + 1, "header", $"the header has {cells.Count} columns; the register has {columns.Count}: {string.Join(", ", columns)}.");
                return false;
            }
            if (!string.Equals(cells[i].Raw, columns[i], StringComparison.OrdinalIgnoreCase))
            {
                Error(header + 1, cells[i].Column, "header", $"column {i + 1} is '{Shown(cells[i].Raw)}'; expected '{columns[i]}' (the columns are {string.Join(", ", columns)}).");
                return false;
            }
        }
        if (cells.Count > columns.Count)
        {
            Error(header + 1, cells[columns.Count].Column, "header", $"the header has {cells.Count} columns; the register has {columns.Count}.");
            return false;
        }
        if (header + 1 >= lines.Count || !IsRow(lines[header + 1]))
        {
            Error(header + 2, 1, "delimiter", "the header must be followed by the delimiter row (| --- | --- | … |).");
            return false;
        }
        var delimiter = MarkdownCell.Split(lines[header + 1]);
        foreach (var (raw, column) in delimiter)
        {
            var dashes = raw.Trim(':');
            if (dashes.Length == 0 || dashes.Any(c => c != '-'))
            {
                Error(header + 2, column, "delimiter", $"'{Shown(raw)}' is not a delimiter cell (---, :---, ---: or :---:).");
                return false;
            }
        }
        if (delimiter.Count != columns.Count)
        {
            Error(header + 2, 1, "delimiter", $"the delimiter row has {delimiter.Count} cells; the header has {columns.Count}.");
            return false;
        }
        return true;
    }

    private RiskRow? ReadRow(string line, int number)
    {
        var cells = MarkdownCell.Split(line);
        var columns = RiskRegisterMarkdown.Columns;
        if (cells.Count != columns.Count)
        {
            Error(number, cells.Count > columns.Count ? cells[columns.Count].Column : line.Length + 1, "row",
                $"{cells.Count} cells; a row has {columns.Count} ({string.Join(", ", columns)}). A pipe inside a cell is written \\|.");
            return null;
        }
        string Text(int i) => MarkdownCell.Decode(cells[i].Raw);
        var before = _errors.Count;
        RiskId? id = RiskId.TryParse(cells[0].Raw, out var parsed, out var idError) ? parsed : null;
        if (id is null) Error(number, cells[0].Column, "ID", idError);
        var categories = Categories(cells[2].Raw, number, cells[2].Column);
        var likelihood = Score(cells[5], number, "Likelihood");
        var impact = Score(cells[6], number, "Impact");
        var status = Status(Text(9), number, cells[9].Column);
        var incidents = Incidents(cells[11].Raw, number, cells[11].Column);
        if (_errors.Count > before) return null;
        RiskFields fields;
        try
        {
            fields = RiskFields.Create(Text(1), categories, Text(3), Text(4), likelihood, impact, Text(8), Text(10),
                status.Status, status.Until, status.By, status.To);
        }
        catch (DomainException e)
        {
            var (index, message) = Locate(e.Message);
            Error(number, cells[index].Column, columns[index], message);
            return null;
        }
        CheckRating(cells[7], fields, number);
        return _errors.Count > before ? null : new RiskRow(id!.Value, fields, incidents);
    }

    private List<StrideCategory> Categories(string raw, int line, int column)
    {
        var found = new List<StrideCategory>();
        foreach (var part in raw.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            StrideCategory? category = part.Length == 1 ? StrideCategories.FromLetter(part[0])
                : WireNames.TryParse<StrideCategory>(part, out var named) ? named : null;
            if (category is null)
            {
                Error(line, column, "STRIDE", $"'{Shown(part)}' is not a STRIDE category: write letters S, T, R, I, D, E separated by commas.");
                return found;
            }
            found.Add(category.Value);
        }
        if (found.Count == 0) Error(line, column, "STRIDE", "name at least one STRIDE category (S, T, R, I, D or E).");
        return found;
    }

    private int Score((string Raw, int Column) cell, int line, string field)
    {
        if (cell.Raw.Length is > 0 and <= 2 && cell.Raw.All(char.IsAsciiDigit)) return int.Parse(cell.Raw, CultureInfo.InvariantCulture);
        Error(line, cell.Column, field, $"'{Shown(cell.Raw)}' is not a score: a whole number from {RiskScale.Min} to {RiskScale.Max}.");
        return 0;
    }

    private sealed record StatusParts(RiskStatus Status, DateOnly? Until, string? By, string? To);

    private StatusParts Status(string text, int line, int column)
    {
        const string accepted = "accepted until ", transferred = "transferred to ";
        if (WireNames.TryParse<RiskStatus>(text, out var plain) && plain is RiskStatus.Open or RiskStatus.Mitigated) return new(plain, null, null, null);
        if (text.StartsWith(accepted, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[accepted.Length..];
            if (rest.Length > 14 && rest[10..14].Equals(" by ", StringComparison.OrdinalIgnoreCase)
                && DateOnly.TryParseExact(rest[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                return new(RiskStatus.Accepted, until, rest[14..], null);
            Error(line, column, "Status", $"'{Shown(text)}': write an accepted risk as 'accepted until YYYY-MM-DD by NAME'.");
            return new(RiskStatus.Open, null, null, null);
        }
        if (text.StartsWith(transferred, StringComparison.OrdinalIgnoreCase) || text.Equals(transferred.TrimEnd(), StringComparison.OrdinalIgnoreCase))
            return new(RiskStatus.Transferred, null, null, text.Length > transferred.Length ? text[transferred.Length..] : "");
        Error(line, column, "Status", $"'{Shown(text)}' is not a status: open, mitigated, 'accepted until YYYY-MM-DD by NAME' or 'transferred to PARTY'.");
        return new(RiskStatus.Open, null, null, null);
    }

    private List<int> Incidents(string raw, int line, int column)
    {
        var numbers = new List<int>();
        foreach (var part in raw.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = part.StartsWith('#') ? part[1..] : part;
            if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit) || int.Parse(digits, CultureInfo.InvariantCulture) == 0)
            {
                Error(line, column, "Incidents", $"'{Shown(part)}' is not an incident number: write #12, #14.");
                return [];
            }
            numbers.Add(int.Parse(digits, CultureInfo.InvariantCulture));
        }
        return [.. numbers.Distinct().Order()];
    }

    private void CheckRating((string Raw, int Column) cell, RiskFields fields, int line)
    {
        var expected = $"{fields.Rating.ToString(CultureInfo.InvariantCulture)} ({fields.Level.ToWire()})";
        var number = cell.Raw.Split(' ', 2)[0];
        if (string.Equals(cell.Raw, expected, StringComparison.OrdinalIgnoreCase) || (cell.Raw == number && number == fields.Rating.ToString(CultureInfo.InvariantCulture))) return;
        Error(line, cell.Column, "Rating", $"'{Shown(cell.Raw)}' does not match likelihood {fields.Likelihood} × impact {fields.Impact}: write {expected}.");
    }

    /// <summary>The column of a field named in a <see cref="RiskFields"/> refusal ("threat: required.").</summary>
    private static (int Index, string Message) Locate(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        var index = (colon < 0 ? "" : message[..colon]) switch
        {
            "title" => 1, "categories" => 2, "asset" => 3, "threat" => 4, "likelihood" => 5, "impact" => 6,
            "mitigations" => 8, "acceptedUntil" or "acceptedBy" or "transferredTo" => 9, "owner" => 10, _ => 0,
        };
        return (index, colon < 0 ? message : message[(colon + 1)..].Trim());
    }

    private static int Column(string line, int cell)
    {
        var cells = MarkdownCell.Split(line);
        return cell >= 0 && cell < cells.Count ? cells[cell].Column : line.Length - line.TrimStart(' ', '\t').Length + 1;
    }

    private void Error(int line, int column, string field, string message)
    {
        if (_errors.Count < RiskRegisterMarkdown.MaxErrors) _errors.Add(new RiskRegisterError(line, column, field, message));
    }

    private static string Shown(string text)
    {
        var printable = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return Excerpt.Clip(printable, 60);
    }
}
