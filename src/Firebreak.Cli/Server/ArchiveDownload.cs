using System.CommandLine;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak incidents archive ID -o FILE` and `--project SLUG`: downloads a record archive (check it with `archive verify`).</summary>
internal static class ArchiveDownload
{
    public static Command Incident(CliContext context)
    {
        var id = new Argument<string?>("incident") { Description = "Incident id (or give --project for every incident of a project)", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project", "-p") { Description = "Download every incident of this project (project administrators)" };
        var output = new Option<string>("--output", "-o") { Description = "The ZIP file to write", Required = true };
        var command = new Command("archive", "Download an incident's whole record (or a project's) as one signed ZIP") { id, project, output };
        command.SetAction(async (parse, ct) =>
        {
            var (incident, slug) = (parse.GetValue(id), parse.GetValue(project));
            if ((incident is null) == (slug is null))
            {
                await context.Error.WriteLineAsync("firebreak: give an incident id or --project SLUG, not both or neither.");
                return ExitCodes.Usage;
            }
            var path = incident is not null ? $"api/v1/incidents/{Uri.EscapeDataString(incident)}/archive" : $"api/v1/projects/{Uri.EscapeDataString(slug!)}/archive";
            var file = parse.GetValue(output)!;
            var partial = file + ".part";
            int exit;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
                exit = await new ServerClient(context).DownloadAsync(path, stream, ct);
            // Only a whole download takes the name; a refusal or a cut connection leaves nothing behind.
            if (exit == ExitCodes.Ok) File.Move(partial, file, overwrite: true);
            else File.Delete(partial);
            if (exit == ExitCodes.Ok) await context.Out.WriteLineAsync($"{file}: {new FileInfo(file).Length} bytes; check it with `firebreak archive verify {file}`");
            return exit;
        });
        return command;
    }
}
