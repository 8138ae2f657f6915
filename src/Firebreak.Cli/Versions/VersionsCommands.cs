using System.CommandLine;
using Firebreak.Cli.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Cli.Versions;

/// <summary>
/// `firebreak versions compare|contains|vers ECOSYSTEM`: read lines on standard input, answer one line per line
/// (or "error: … at position N"); `firebreak versions schemes` lists the names ECOSYSTEM takes. Offline.
/// </summary>
internal static class VersionsCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("versions", "Compare versions, test ranges and convert them to vers, for any ecosystem (offline)");
        command.Subcommands.Add(LineCommand(context, "compare", "Lines 'A B' → <, = or >", (a, line) => a.Compare(line)));
        command.Subcommands.Add(LineCommand(context, "contains", "Lines 'RANGE<TAB>VERSION' (RANGE native or vers:) → true or false", (a, line) => a.Contains(line)));
        command.Subcommands.Add(LineCommand(context, "vers", "Lines with a native range (or a vers) → its normalised vers", (a, line) => a.Vers(line)));
        command.Subcommands.Add(Schemes(context));
        return command;
    }

    private static Command LineCommand(CliContext context, string name, string description, Func<VersionAnswers, string, string> answer)
    {
        var ecosystem = new Argument<string>("ecosystem") { Description = "A vers scheme, OSV ecosystem or purl type: npm, pypi, maven, alpine, \"Red Hat\", … (see `firebreak versions schemes`)" };
        var command = new Command(name, description) { ecosystem };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(ecosystem)!;
            if (!VersionSchemes.TryFind(given, out var scheme))
            {
                context.Error.WriteLine($"firebreak: unknown ecosystem '{given}'; known: {string.Join(", ", VersionSchemes.All.Select(s => s.Name))}");
                return ExitCodes.Usage;
            }
            var answers = new VersionAnswers(scheme);
            var failed = false;
            while (context.In.ReadLine() is { } line)
            {
                var result = answer(answers, line.TrimEnd('\r'));
                failed |= result.StartsWith("error: ", StringComparison.Ordinal);
                context.Out.WriteLine(result);
            }
            context.Out.Flush();
            return failed ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Schemes(CliContext context)
    {
        var command = new Command("schemes", "List the versioning schemes: vers name, native range notation, description");
        command.SetAction(_ =>
        {
            foreach (var scheme in VersionSchemes.All)
                context.Out.WriteLine($"{scheme.Name}\t{(NativeRange.Schemes.Contains(scheme) ? "native ranges" : "vers only")}\t{scheme.Description}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
