using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Cli.Server;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Cli.Playbooks;

/// <summary>`firebreak playbooks validate FILE…` (offline) and `list` / `show` (server).</summary>
internal static class PlaybooksCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("playbooks", "Validate playbook files, or list and show the server's playbooks");
        command.Subcommands.Add(Validate(context));
        PlaybooksServerCommands.AddTo(command, context);
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Playbook YAML files", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file" };
        var command = new Command("validate", "Check playbook files offline; errors are printed as FILE:LINE:COLUMN: message") { files, json };
        command.SetAction(parse =>
        {
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                var errors = Check(file, out var definition);
                if (errors.Count > 0) exit = ExitCodes.InvalidInput;
                if (parse.GetValue(json))
                {
                    context.Out.WriteLine(new JsonObject
                    {
                        ["file"] = file,
                        ["valid"] = errors.Count == 0,
                        ["id"] = definition?.Id,
                        ["steps"] = definition?.Steps.Count,
                        ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)new JsonObject { ["line"] = e.Line, ["column"] = e.Column, ["message"] = e.Message })]),
                    }.ToJsonString());
                }
                else if (errors.Count == 0) context.Out.WriteLine($"{file}: ok ({definition!.Id}, {definition.Steps.Count} steps)");
                else foreach (var error in errors) context.Error.WriteLine(error.ToString());
            }
            return exit;
        });
        return command;
    }

    private static IReadOnlyList<PlaybookError> Check(string file, out PlaybookDefinition? definition)
    {
        definition = null;
        string text;
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists) return [new PlaybookError(file, 1, 1, "No such file.")];
            if (info.Length > PlaybookParser.MaxLength) return [new PlaybookError(file, 1, 1, $"The file is larger than {PlaybookParser.MaxLength} bytes.")];
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new PlaybookError(file, 1, 1, "Cannot read the file: " + e.Message)];
        }
        if (!PlaybookParser.TryParse(text, file, out definition, out var errors)) return errors;
        // Handovers must resolve against the built-ins plus this file.
        var parsed = definition!;
        var builtIns = PlaybookCatalog.BuiltIn().All.Where(p => p.Id != parsed.Id).Append(parsed).ToList();
        var catalog = PlaybookCatalog.Build(builtIns, []);
        var own = catalog.Errors.Where(e => e.Source == file).ToList();
        if (own.Count > 0) definition = null;
        return own;
    }
}
