using Firebreak.Domain.Risks;

namespace Firebreak.Domain.Tests.Risks;

/// <summary>Hand-written and hostile registers: each mistake is named by line, column and column name.</summary>
public class RiskRegisterReaderTests
{
    private const string Header = "| ID | Title | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private static RiskRegisterError Single(string document)
    {
        var reading = RiskRegisterMarkdown.Read(document);
        Assert.False(reading.IsValid);
        Assert.Empty(reading.Rows);
        return Assert.Single(reading.Errors);
    }

    [Theory]
    [InlineData("| RISK-1 | T | S | A | X | 1 | 1 | 1 | | open | | |", 3, 3, "ID", "not a risk id")]
    [InlineData("| RISK-0001 | T | S | A | X | 1 | 1 | 1 | | open | | |", 3, 3, "ID", "write RISK-001")]
    [InlineData("| RISK-001 |  | S | A | X | 1 | 1 | 1 | | open | | |", 3, 13, "Title", "required")]
    [InlineData("| RISK-001 | T | Q | A | X | 1 | 1 | 1 | | open | | |", 3, 18, "STRIDE", "'Q' is not a STRIDE category")]
    [InlineData("| RISK-001 | T | S | A | X | 7 | 1 | 7 | | open | | |", 3, 30, "Likelihood", "outside the scale 1 to 5")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | two | 2 | | open | | |", 3, 34, "Impact", "not a score")]
    [InlineData("| RISK-001 | T | S | A | X | 2 | 3 | 5 | | open | | |", 3, 38, "Rating", "write 6 (medium)")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | | accepted until soon by Ana | | |", 3, 44, "Status", "accepted until YYYY-MM-DD by NAME")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | | closed | | |", 3, 44, "Status", "not a status")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | | open | | #0 |", 3, 53, "Incidents", "not an incident number")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | | open | a | b | c |", 3, 59, "row", "13 cells")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | open | | |", 3, 52, "row", "11 cells")]
    [InlineData("| RISK-001 | T | S | A | X | 1 | 1 | 1 | | transferred to  | | |", 3, 44, "Status", "required")]
    public void Read_LocatesTheMistake(string row, int line, int column, string field, string message)
    {
        var error = Single(Header + row + "\n");
        Assert.Equal((line, column, field), (error.Line, error.Column, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RefusesARepeatedId_NamingTheFirstLine()
    {
        var row = "| RISK-002 | T | S | A | X | 1 | 1 | 1 | | open | | |\n";
        var error = Single("# Register\n\n" + Header + row + row);
        Assert.Equal((6, 3, "ID"), (error.Line, error.Column, error.Field));
        Assert.Contains("first on line 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no table here\n", 1, "table")]
    [InlineData("| ID | Title | STRIDE |\n|---|---|---|\n", 1, "header")]
    [InlineData("| ID | Name | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n|---|\n", 1, "header")]
    [InlineData("| ID | Title | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n\n", 2, "delimiter")]
    [InlineData("| ID | Title | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n|---|---|---|---|---|---|---|---|---|---|---|x|\n", 2, "delimiter")]
    [InlineData(Header + "\n| RISK-001 | T | S | A | X | 1 | 1 | 1 | | open | | |\n", 4, "table")]
    public void Read_RefusesABrokenTable(string document, int line, string field)
    {
        var error = Single(document);
        Assert.Equal((line, field), (error.Line, error.Field));
    }

    [Fact]
    public void Read_AcceptsAHandWrittenRegister_WithCrLfBomAndLooseSpelling()
    {
        var document = "\uFEFF# Ours\r\n\r\nSome words.\r\n\r\n" + Header.Replace("\n", "\r\n", StringComparison.Ordinal)
            + "|RISK-010|Token leak \\| CI|s,t , information-disclosure|CI|Logs show<br/>tokens \\_here\\_ and C:\\dir|5|4|20|rotate<BR>mask|Accepted until 2026-01-31 by Bo|@bo|12 #4\r\n"
            + "\r\nTrailing notes.\r\n";
        var reading = RiskRegisterMarkdown.Read(document);
        Assert.True(reading.IsValid, string.Join("\n", reading.Errors));
        var row = Assert.Single(reading.Rows);
        Assert.Equal("RISK-010", row.Id.ToString());
        Assert.Equal("Token leak | CI", row.Fields.Title);
        Assert.Equal([StrideCategory.Spoofing, StrideCategory.Tampering, StrideCategory.InformationDisclosure], row.Fields.Categories);
        Assert.Equal("Logs show\ntokens _here_ and C:\\dir", row.Fields.Threat);
        Assert.Equal("rotate\nmask", row.Fields.Mitigations);
        Assert.Equal((RiskStatus.Accepted, new DateOnly(2026, 1, 31), "Bo"), (row.Fields.Status, row.Fields.AcceptedUntil, row.Fields.AcceptedBy));
        Assert.Equal([4, 12], row.Incidents);
    }

    [Fact]
    public void Fields_RefuseAnUnpairedSurrogate()
    {
        var lone = new string([(char)0xD800, 'x']);
        var e = Assert.Throws<Firebreak.Domain.Common.DomainException>(() => RiskFields.Create("t", [StrideCategory.Spoofing], "a", lone, 1, 1, null, null, RiskStatus.Open, null, null, null));
        Assert.StartsWith("threat: an unpaired surrogate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportsManyErrors_ButNoMoreThanTheLimit()
    {
        var rows = string.Concat(Enumerable.Range(1, 300).Select(i => $"| RISK-{i:000} | T | S | A | X | 9 | 1 | 9 | | open | | |\n"));
        var reading = RiskRegisterMarkdown.Read(Header + rows);
        Assert.Equal(RiskRegisterMarkdown.MaxErrors, reading.Errors.Count);
        Assert.All(reading.Errors, e => Assert.Equal("Likelihood", e.Field));
    }

    [Theory]
    [InlineData("title", "a\u0007b", "control character U+0007")]
    [InlineData("title", "a\nb", "one line only")]
    public void Fields_RefuseTextThatCouldNotRoundTrip(string field, string text, string message)
    {
        var e = Assert.Throws<Firebreak.Domain.Common.DomainException>(() => RiskFields.Create(field == "title" ? text : "t", [StrideCategory.Spoofing], "a",
            field == "threat" ? text : "x", 1, 1, null, null, RiskStatus.Open, null, null, null));
        Assert.StartsWith(field + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
