using System.Globalization;
using System.Text;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Risks;

/// <summary>
/// <c>RISK-REGISTER.md</c>: a project's register as a GitHub-flavoured Markdown table, the form a project keeps in its
/// repository (the format is defined in docs/risk-register.md). <see cref="Write"/> gives the canonical document;
/// <see cref="Read"/> takes it back (or one a person wrote by hand) with every error located by line and column, and
/// reading what was written then writing it again gives the same bytes.
/// </summary>
public static class RiskRegisterMarkdown
{
    /// <summary>The column headers, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["ID", "Title", "STRIDE", "Asset", "Threat", "Likelihood", "Impact", "Rating", "Mitigations", "Status", "Owner", "Incidents"];

    /// <summary>The comment naming the format and its version.</summary>
    public const string FormatMarker = "<!-- firebreak-risk-register 1 -->";

    private const string Preamble = $"""
        # Risk register

        {FormatMarker}

        Threats to this project by STRIDE category: S spoofing, T tampering, R repudiation, I information disclosure,
        D denial of service, E elevation of privilege. Likelihood and impact are scored 1 (lowest) to 5 (highest); the
        rating is their product: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. An accepted risk asks for review
        after the date it is accepted until.

        """;

    /// <summary>The canonical document: the preamble, then one row per entry by number. LF line ends, a final LF.</summary>
    public static string Write(IEnumerable<RiskRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder(Preamble.ReplaceLineEndings("\n"));
        sb.Append('\n');
        sb.Append("| ").AppendJoin(" | ", Columns).Append(" |\n");
        sb.Append("| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |\n");
        foreach (var row in rows.OrderBy(r => r.Id.Number))
        {
            var f = row.Fields;
            string[] cells =
            [
                row.Id.ToString(), f.Title, f.CategoryLetters, f.Asset, f.Threat, Int(f.Likelihood), Int(f.Impact),
                $"{Int(f.Rating)} ({f.Level.ToWire()})", f.Mitigations, f.StatusText, f.Owner,
                string.Join(", ", row.Incidents.Distinct().Order().Select(n => "#" + Int(n))),
            ];
            sb.Append('|');
            foreach (var cell in cells) sb.Append(' ').Append(MarkdownCell.Encode(cell)).Append(" |");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a document; the rows when it is sound, else every error found (at most <see cref="MaxErrors"/>).</summary>
    public static RiskRegisterReading Read(string text) => new RiskRegisterReader(text ?? "").Read();

    /// <summary>The most errors one reading reports.</summary>
    public const int MaxErrors = 100;
}

/// <summary>What reading a register document gave: its rows, or the errors that stopped it.</summary>
public sealed record RiskRegisterReading(IReadOnlyList<RiskRow> Rows, IReadOnlyList<RiskRegisterError> Errors)
{
    /// <summary>Where each of <see cref="Rows"/> was read, in the same order.</summary>
    public IReadOnlyList<RiskRowPlace> Places { get; init; } = [];

    /// <summary>Whether the document was read without error.</summary>
    public bool IsValid => Errors.Count == 0;
}
