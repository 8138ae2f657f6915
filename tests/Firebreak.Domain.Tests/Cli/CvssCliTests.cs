using Firebreak.Cli.Common;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

public class CvssCliTests
{
    private static (int Exit, string Out, string Err) Run(string input, params string[] args) => CliHarness.Run(args, input);

    [Fact]
    public void Score_Arguments_PrintsTabSeparatedLines()
    {
        var (exit, output, _) = Run("", "cvss", "score",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C\t9.8\t8.5\t\tHigh", lines[0].TrimEnd('\r'));
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\t9.3\tCVSS-B\tCritical", lines[1].TrimEnd('\r'));
    }

    [Fact]
    public void Score_StandardInputWithInvalidLine_ContinuesAndExitsOne()
    {
        var input = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\nnot a vector\n\nCVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L\n";
        var (exit, output, error) = Run(input, "cvss", "score");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("input 2: The vector must start with", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Json_PrintsOneObjectPerLine()
    {
        var (exit, output, _) = Run("", "cvss", "score", "--json", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");
        Assert.Equal(ExitCodes.Ok, exit);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal(8.1, (double)json["score"]!);
        Assert.Equal("CVSS-BT", (string?)json["nomenclature"]);
        Assert.Equal("000220", (string?)json["macroVector"]);
    }

    [Fact]
    public void Explain_ShowsMetricsInWords()
    {
        var (exit, output, _) = Run("", "cvss", "explain", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Attack Vector: Network", output, StringComparison.Ordinal);
        Assert.Contains("score 9.8 (Critical)", output, StringComparison.Ordinal);
    }
}
