using System.CommandLine;
using Firebreak.Cli.Advisory;
using Firebreak.Cli.Common;
using Firebreak.Cli.Cvss;
using Firebreak.Cli.Db;
using Firebreak.Cli.Disclosure;
using Firebreak.Cli.Scan;
using Firebreak.Cli.Playbooks;
using Firebreak.Cli.Server;
using Firebreak.Cli.Versions;

namespace Firebreak.Cli;

internal static class Program
{
    public static int Main(string[] args) => Run(args, CliContext.FromConsole());

    /// <summary>Builds the command tree and runs it; the table of contents of the CLI.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("firebreak — incident response and coordinated disclosure for open-source projects");
        root.Subcommands.Add(LoginCommand.Create(context));
        root.Subcommands.Add(IncidentsCommands.Create(context));
        root.Subcommands.Add(StepsCommands.Create(context));
        root.Subcommands.Add(RisksCommands.Create(context));
        root.Subcommands.Add(PlaybooksCommands.Create(context));
        root.Subcommands.Add(CvssCommands.Create(context));
        root.Subcommands.Add(SecurityTxtCommands.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(AdvisoryCommands.Create(context));
        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(VersionsCommands.Create(context));
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"firebreak: {error.Message}");
            return ExitCodes.Usage;
        }
        var exit = result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        context.Out.Flush();
        return exit;
    }
}
