using System.Diagnostics;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Operations;

/// <summary>The CLI installs as a .NET tool from a local feed made by <c>dotnet pack</c>, and the installed command runs.</summary>
public sealed class CliToolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PackedIntoALocalFeed_InstallsWithDotnetTool_AndRuns()
    {
        var folder = Directory.CreateTempSubdirectory("firebreak-tool-");
        try
        {
            var feed = Path.Combine(folder.FullName, "feed");
            var tools = Path.Combine(folder.FullName, "tools");
            var project = Path.Combine(RepositoryRoot.Path, "src", "Firebreak.Cli", "Firebreak.Cli.csproj");
            await DotnetAsync(["pack", project, "-c", "Release", "--no-build", "--nologo", "-o", feed]);
            Assert.Single(Directory.GetFiles(feed, "Firebreak.Cli.*.nupkg"));
            await DotnetAsync(["tool", "install", "--tool-path", tools, "--add-source", feed, "--ignore-failed-sources", "Firebreak.Cli"]);

            var (exit, output) = await RunAsync(Path.Combine(tools, "firebreak"), ["cvss", "score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"]);
            Assert.Equal(0, exit);
            Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "", "", "Critical"], output.Trim().Split('\t'));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task DotnetAsync(string[] args)
    {
        var (exit, output) = await RunAsync("dotnet", args);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} exited {exit}:\n{output}");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] args)
    {
        var info = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }
}
