using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Domain.Disclosure;

namespace Firebreak.Cli.Disclosure;

/// <summary>`firebreak securitytxt validate FILE…`: RFC 9116 checks, offline.</summary>
internal static class SecurityTxtCommands
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "security.txt files", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per file" };
        var validate = new Command("validate", "Check security.txt files against RFC 9116; exit 1 when any has an error") { files, json };
        validate.SetAction(parse =>
        {
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                IReadOnlyList<SecurityTxtIssue> issues;
                try
                {
                    issues = new FileInfo(file).Length > 64 * 1024
                        ? [new SecurityTxtIssue(0, true, "The file is larger than 64 KiB.")]
                        : SecurityTxtValidator.Validate(File.ReadAllText(file), context.Time.GetUtcNow());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    issues = [new SecurityTxtIssue(0, true, "Cannot read the file: " + e.Message)];
                }
                var errors = issues.Count(i => i.IsError);
                if (errors > 0) exit = ExitCodes.InvalidInput;
                if (parse.GetValue(json))
                {
                    context.Out.WriteLine(new JsonObject
                    {
                        ["file"] = file, ["valid"] = errors == 0,
                        ["issues"] = new JsonArray([.. issues.Select(i => (JsonNode?)new JsonObject { ["line"] = i.Line, ["severity"] = i.IsError ? "error" : "warning", ["message"] = i.Message })]),
                    }.ToJsonString());
                    continue;
                }
                foreach (var issue in issues) (issue.IsError ? context.Error : context.Out).WriteLine($"{file}: {issue}");
                if (errors == 0) context.Out.WriteLine($"{file}: ok");
            }
            return exit;
        });
        var command = new Command("securitytxt", "RFC 9116 security.txt tools");
        command.Subcommands.Add(validate);
        return command;
    }
}
