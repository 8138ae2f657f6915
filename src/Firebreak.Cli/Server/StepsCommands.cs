using System.CommandLine;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak steps complete|skip|reopen|decide INCIDENT STEP`.</summary>
internal static class StepsCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("steps", "Work the steps of an incident's playbook");
        command.Subcommands.Add(Step(context, "complete", "Complete a step, with evidence as key=value", withEvidence: true));
        command.Subcommands.Add(Step(context, "skip", "Skip a step (a reason is required)", withReason: true));
        command.Subcommands.Add(Step(context, "reopen", "Reopen a done or skipped step"));
        command.Subcommands.Add(Step(context, "decide", "Answer a decision step", withEvidence: true, withOption: true));
        return command;
    }

    private static Command Step(CliContext context, string action, string description,
        bool withEvidence = false, bool withReason = false, bool withOption = false)
    {
        var incident = new Argument<string>("incident") { Description = "Incident id" };
        var step = new Argument<string>("step") { Description = "Step id" };
        var option = new Argument<string>("option") { Description = "Answer id" };
        var evidence = new Option<string[]>("--evidence", "-e") { Description = "Evidence field as key=value (repeatable)" };
        var reason = new Option<string>("--reason") { Description = "Why the step is skipped", Required = true };
        var json = IncidentsCommands.JsonOption();
        var command = new Command(action, description) { incident, step, json };
        if (withOption) command.Arguments.Add(option);
        if (withEvidence) command.Options.Add(evidence);
        if (withReason) command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            var fields = new Dictionary<string, string>();
            foreach (var pair in withEvidence ? parse.GetValue(evidence) ?? [] : [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    await context.Error.WriteLineAsync($"firebreak: evidence '{pair}' is not key=value.");
                    return ExitCodes.Usage;
                }
                fields[pair[..at]] = pair[(at + 1)..];
            }
            var evidenceJson = new System.Text.Json.Nodes.JsonObject();
            foreach (var (key, value) in fields) evidenceJson[key] = value;
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["evidence"] = evidenceJson,
                ["reason"] = withReason ? parse.GetValue(reason) : null,
                ["option"] = withOption ? parse.GetValue(option) : null,
            };
            var path = $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(incident)!)}/steps/{Uri.EscapeDataString(parse.GetValue(step)!)}/{action}";
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post, path, body, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, answer);
            else await context.Out.WriteLineAsync(Output.S(answer!["summary"]) +
                (answer["handedOverTo"] is { } h ? $" → handed over to {Output.S(h)}" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }
}
