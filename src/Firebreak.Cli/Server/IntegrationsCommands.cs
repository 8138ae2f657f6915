using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>
/// <c>firebreak integrations github|generic --project SLUG</c>: creates or rotates a project's hook secret on the server
/// and prints the payload URL and the secret (the only time the server gives it out).
/// </summary>
internal static class IntegrationsCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("integrations", "Set up a project's signed hooks (project administrators)");
        command.Subcommands.Add(Hook(context, "github", "Create or rotate the GitHub webhook secret; prints the payload URL and the secret once"));
        command.Subcommands.Add(Hook(context, "generic", "Create or rotate the generic signed trigger's secret; prints the URL and the secret once"));
        return command;
    }

    private static Command Hook(CliContext context, string source, string description)
    {
        var project = new Option<string>("--project") { Description = "The project's slug", Required = true };
        var json = IncidentsCommands.JsonOption();
        var command = new Command(source, description) { project, json };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post,
                $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/integrations/{source}", new JsonObject(), ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, answer);
            else
            {
                await context.Out.WriteLineAsync($"url:    {Output.S(answer!["url"])}");
                await context.Out.WriteLineAsync($"secret: {Output.S(answer["secret"])}");
                await context.Out.WriteLineAsync("The secret is shown this once; any earlier one no longer works.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
