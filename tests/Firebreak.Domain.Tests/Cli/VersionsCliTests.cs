using Firebreak.Cli.Common;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Cli;

public sealed class VersionsCliTests
{
    private static string[] Lines(string output) => output.Replace("\r", "", StringComparison.Ordinal).Split('\n')[..^1];

    [Fact]
    public void Compare_Lines_AnswerOneLineEach()
    {
        var (exit, output, _) = CliHarness.Run(["versions", "compare", "alpine"], "1.2.3-r1 1.2.3-r2\n2.0 2.0\n1.0_rc1 1.0\n");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["<", "=", "<"], Lines(output));
    }

    [Fact]
    public void Compare_BadLine_IsAnErrorAtItsPositionAndTheRestGoesOn()
    {
        var (exit, output, _) = CliHarness.Run(["versions", "compare", "semver"], "1.0.0 1.0.0-a b|c\n1.0.0 01.0.0\n1.0.0\n2.0.0 1.0.0\n");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(["error: expected exactly two versions separated by one space at position 13", "error: a SemVer number has no leading zeros at position 6",
            "error: expected two versions separated by a space at position 5", ">"], Lines(output));
    }

    [Fact]
    public void Contains_NativeAndVers_AnswerTrueOrFalse()
    {
        var input = "^1.2.3\t1.5.0\n^1.2.3\t2.0.0\n2.1.4\t2.2.0\nvers:npm/>=1.0.0|<2.0.0\t1.5.0\nvers:npm/ >=1.0.0\t1.5.0\nvers:pypi/>=1.0\t1.5.0\n";
        var (_, output, _) = CliHarness.Run(["versions", "contains", "npm"], input);
        Assert.Equal(["true", "false", "false", "true", "error: a canonical vers has no spaces (the lenient reading removes them) at position 9",
            "error: the vers scheme 'pypi' is not npm at position 5"], Lines(output));
    }

    [Fact]
    public void Vers_NativeRanges_AreNormalisedVers()
    {
        var (exit, output, _) = CliHarness.Run(["versions", "vers", "RubyGems"], "~> 1.2, != 1.3\nvers:gem/ < 2 | >= 1.2\n>= nope\n");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(["vers:gem/>=1.2|!=1.3|<2", "vers:gem/>=1.2|<2", "error: 'nope' is not a RubyGems version at position 3"], Lines(output));
    }

    [Fact]
    public void Versions_UnknownEcosystem_IsAUsageError()
    {
        var (exit, _, error) = CliHarness.Run(["versions", "compare", "cobol"], "1 2\n");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("unknown ecosystem 'cobol'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_HundredThousandLines_OneProcessOneAnswerEach()
    {
        var input = new System.Text.StringBuilder();
        for (var i = 0; i < 100_000; i++) input.Append(i % 3 == 0 ? ">=1.2, <2.0" : "[1.0,2.0)").Append('\t').Append(i % 3 == 2 ? "2." : "1.").Append(i % 10).Append('\n');
        var (exit, output, _) = CliHarness.Run(["versions", "contains", "maven"], input.ToString());
        Assert.Equal(ExitCodes.InvalidInput, exit); // ">=1.2, <2.0" is not Maven's notation: every third line is an error
        var lines = Lines(output);
        Assert.Equal(100_000, lines.Length);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("true", lines[1]);
        Assert.Equal("false", lines[2]);
    }
}
