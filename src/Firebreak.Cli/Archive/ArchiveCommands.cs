using System.CommandLine;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Archive;

/// <summary>`firebreak archive verify FILE [--public-key PEM]`: checks a record archive offline (docs/archive.md).</summary>
internal static class ArchiveCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("archive", "Record archives made by the server (incident or project)");
        command.Subcommands.Add(Verify(context));
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "An archive from `incidents archive`, the incident page or the project's settings" };
        var key = new Option<string?>("--public-key") { Description = "The server's audit public key (PEM, from `admin audit-key`), kept apart from the archive" };
        var verify = new Command("verify", "Check every file, the signature, the audit excerpt and the timeline; exit 1 with one line per problem") { file, key };
        verify.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            NSec.Cryptography.PublicKey? pinned = null;
            if (parse.GetValue(key) is { } keyFile)
            {
                string? text = null;
                try { text = File.ReadAllText(keyFile); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                pinned = text is null ? null : ArchiveVerifier.ReadPublicPem(text);
                if (pinned is null)
                {
                    context.Error.WriteLine($"firebreak: {keyFile}: not readable as an Ed25519 public key (PEM, BEGIN PUBLIC KEY)");
                    return ExitCodes.Usage;
                }
            }
            ArchiveVerdict verdict;
            try
            {
                using var stream = File.OpenRead(path);
                verdict = ArchiveVerifier.Verify(stream, pinned);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{path}: cannot be read ({ZipContents.OneLine(e.Message)})");
                return ExitCodes.InvalidInput;
            }
            foreach (var problem in verdict.Problems) context.Error.WriteLine($"{path}: {problem}");
            if (!verdict.Intact) return ExitCodes.InvalidInput;
            context.Out.WriteLine($"{path}: intact: {verdict.Summary}");
            return ExitCodes.Ok;
        });
        return verify;
    }
}
