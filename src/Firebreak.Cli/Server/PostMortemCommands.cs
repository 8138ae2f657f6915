using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak incidents postmortem ID [-o FILE] [--format markdown|json]` and `firebreak incidents action-items ID [--add TITLE …]`.</summary>
internal static class PostMortemCommands
{
    public static Command PostMortem(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var format = new Option<string>("--format") { Description = "markdown (ready to commit) or json", DefaultValueFactory = _ => "markdown" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("postmortem", "Export an incident's post-mortem (its visible timeline and action items included)") { id, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (chosen is not ("markdown" or "json"))
            {
                await context.Error.WriteLineAsync($"firebreak: --format must be markdown or json, not '{chosen}'.");
                return ExitCodes.Usage;
            }
            var (exit, text, _) = await new ServerClient(context).SendForTextAsync(HttpMethod.Get,
                $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/postmortem?format={chosen}", null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file, text, ct);
            else await context.Out.WriteAsync(text);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command ActionItems(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var add = new Option<string?>("--add") { Description = "Add an action item with this title (needs --owner and --due)" };
        var owner = new Option<string?>("--owner") { Description = "The owner's e-mail (a project member)" };
        var due = new Option<DateTimeOffset?>("--due") { Description = "When it is due (ISO 8601 with offset or Z)" };
        var link = new Option<string?>("--link") { Description = "The issue or pull request in the tracker (https)" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("action-items", "List an incident's action items, or add one with --add") { id, add, owner, due, link, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/action-items";
            var client = new ServerClient(context);
            if (parse.GetValue(add) is { } title)
            {
                var body = new JsonObject { ["title"] = title, ["owner"] = parse.GetValue(owner), ["link"] = parse.GetValue(link) };
                if (parse.GetValue(due) is { } when) body["dueAt"] = when.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
                var (added, item) = await client.SendAsync(HttpMethod.Post, path, body, ct);
                if (added != ExitCodes.Ok) return added;
                if (parse.GetValue(json)) Output.Json(context.Out, item);
                else await context.Out.WriteLineAsync(Output.S(item!["id"]));
                return ExitCodes.Ok;
            }
            var (exit, list) = await client.SendAsync(HttpMethod.Get, path, null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, list);
            else Output.Table(context.Out, ["ID", "STATUS", "CLOCK", "DUE", "OWNER", "TITLE"],
                list!.AsArray().Select(i => (IReadOnlyList<string>)[Output.S(i!["id"]), Output.S(i["status"]), Output.S(i["clockState"]),
                    Output.S(i["dueAt"]), Output.S(i["owner"]), Output.S(i["title"])]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
