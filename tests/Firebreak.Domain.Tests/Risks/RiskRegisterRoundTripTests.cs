using System.Text;
using CsCheck;
using Firebreak.Domain.Common;
using Firebreak.Domain.Risks;

namespace Firebreak.Domain.Tests.Risks;

/// <summary>
/// RISK-REGISTER.md export → import → export gives the same bytes, over generated registers whose cells hold pipes,
/// backslashes, line breaks, things that look like Markdown and HTML, and text from every plane of Unicode.
/// </summary>
public class RiskRegisterRoundTripTests
{
    // Pieces that stress the table: its separator, escapes, the line-break tag written literally, Markdown syntax,
    // whitespace of every kind, and text beyond ASCII (accents, CJK, right-to-left, combining marks, emoji as
    // surrogate pairs, the line and paragraph separators, a zero-width joiner, a byte-order mark inside text).
    private static readonly string[] Pieces =
    [
        "|", "\\", "\\|", "||", "\\\\", "<", ">", "<br>", "<BR/>", "&lt;", "&amp;", "`code|pipe`", "*", "_", "#", "---", ":", "[x](y)",
        " ", "  ", "\t", "\n", "\r\n", "\r", "a", "Z", "0", "9", "RISK-001", "#12", "by", " by ", "accepted until 2027-01-01",
        "é", "ß", "漢字", "שלום", "مرحبا", "e\u0301", "😀", "👩‍💻", "\u2028", "\u2029", "\u00A0", "\u200D", "\uFEFF", "𝔘",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[0, 12].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    private static readonly Gen<string> Line = Text.Select(t => t.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("\u2028", " ", StringComparison.Ordinal).Replace("\u2029", " ", StringComparison.Ordinal));

    private static readonly Gen<RiskStatus> Status = Gen.Enum<RiskStatus>();

    private static readonly Gen<RiskFields> Fields =
        Gen.Select(Line, Gen.Enum<StrideCategory>().Array[1, 6], Line, Text, Gen.Int[1, 5], Gen.Int[1, 5], Text, Line)
            .SelectMany(f => Gen.Select(Status, Gen.Date[new DateTime(2020, 1, 1), new DateTime(2035, 12, 31)], Line, (s, d, who) => (f, s, d, who)))
            .Select(x =>
            {
                var (title, categories, asset, threat, likelihood, impact, mitigations, owner) = x.f;
                try
                {
                    return RiskFields.Create("T" + title, categories, "A" + asset, "X" + threat, likelihood, impact, mitigations, owner, x.s,
                        x.s == RiskStatus.Accepted ? DateOnly.FromDateTime(x.d) : null,
                        x.s == RiskStatus.Accepted ? "P" + x.who : null, x.s == RiskStatus.Transferred ? "U" + x.who : null);
                }
                catch (DomainException)
                {
                    return null; // too long once the pieces are joined: not a register entry
                }
            }).Where(f => f is not null).Select(f => f!);

    private static readonly Gen<List<RiskRow>> Registers =
        Gen.Select(Fields, Gen.Int[1, 5000].Array[0, 4]).Array[0, 8].Select(rows =>
            rows.Select((r, i) => new RiskRow(RiskId.Of(i * 997 + 1 + r.Item2.Length), r.Item1, [.. r.Item2.Distinct().Order()]))
                .GroupBy(r => r.Id).Select(g => g.First()).ToList());

    [Fact]
    public void ExportImportExport_IsByteIdentical_AndKeepsEveryField()
    {
        Registers.Sample(rows =>
        {
            var first = RiskRegisterMarkdown.Write(rows);
            var reading = RiskRegisterMarkdown.Read(first);
            Assert.True(reading.IsValid, string.Join("\n", reading.Errors) + "\n" + first);
            var second = RiskRegisterMarkdown.Write(reading.Rows);
            Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
            Assert.Equal(rows.Count, reading.Rows.Count);
            foreach (var (written, read) in rows.OrderBy(r => r.Id.Number).Zip(reading.Rows))
            {
                Assert.Equal(written.Id, read.Id);
                Assert.True(written.Fields.SameAs(read.Fields), string.Join("; ", read.Fields.ChangesFrom(written.Fields)));
                Assert.Equal(written.Incidents, read.Incidents);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Cells_EncodeAndDecode_AreInverse()
    {
        Text.Select(t => t.Replace("\r", "", StringComparison.Ordinal)).Sample(text =>
        {
            var encoded = MarkdownCell.Encode(text);
            Assert.DoesNotContain('\n', encoded);
            Assert.Equal(text, MarkdownCell.Decode(encoded));
        }, iter: 5000);
    }

    [Fact]
    public void Write_GivesTheDocumentedShape()
    {
        var fields = RiskFields.Create("Forged | webhook", [StrideCategory.Tampering, StrideCategory.Spoofing], "webhook receiver", "A forged call\nreplays a delivery",
            4, 3, @"HMAC with C:\keys", "@ana", RiskStatus.Accepted, new DateOnly(2027, 3, 1), "Ana Lima", null);
        var text = RiskRegisterMarkdown.Write([new RiskRow(RiskId.Of(7), fields, [12, 3])]);
        Assert.StartsWith("# Risk register\n\n" + RiskRegisterMarkdown.FormatMarker + "\n", text, StringComparison.Ordinal);
        Assert.EndsWith("| RISK-007 | Forged \\| webhook | S, T | webhook receiver | A forged call<br>replays a delivery | 4 | 3 | 12 (high) | HMAC with C:\\\\keys | accepted until 2027-03-01 by Ana Lima | @ana | #3, #12 |\n",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }
}
