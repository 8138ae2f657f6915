using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>
/// `firebreak incidents close|reopen`. Without decisions, close prints what is unfinished (the server's list) and exits 1;
/// each decision is a flag (<c>--skip STEP=REASON</c>, <c>--defer ITEM=REASON</c>, …) or the whole API body from
/// <c>--decisions FILE</c> (flags given as well are added to it).
/// </summary>
internal static class ClosingCommands
{
    public static Command Close(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var done = new Option<string[]>("--done") { Description = "A pending step done (its id); repeatable", AllowMultipleArgumentsPerToken = false };
        var skip = new Option<string[]>("--skip") { Description = "STEP=REASON: a pending step skipped; repeatable" };
        var skipRemaining = new Option<string?>("--skip-remaining") { Description = "REASON: every pending step not given --done or --skip is skipped with it" };
        var waive = new Option<string?>("--waive-postmortem") { Description = "REASON: the post-mortem (not signed off) is waived" };
        var itemDone = new Option<string[]>("--item-done") { Description = "An open action item done (its id); repeatable" };
        var defer = new Option<string[]>("--defer") { Description = "ITEM=REASON: an open action item stays open past the close; repeatable" };
        var reject = new Option<string?>("--reject") { Description = "REASON: reject instead; closes directly, no list" };
        var note = new Option<string?>("--note") { Description = "A closing note for the timeline" };
        var file = new Option<FileInfo?>("--decisions") { Description = "A JSON file with the body of POST /api/v1/incidents/{id}/close" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("close", "Close an incident with a decision for each unfinished item") { id, done, skip, skipRemaining, waive, itemDone, defer, reject, note, file, json };
        command.SetAction(async (parse, ct) =>
        {
            JsonObject body;
            try
            {
                body = parse.GetValue(file) is { } f ? JsonNode.Parse(await File.ReadAllTextAsync(f.FullName, ct)) as JsonObject
                    ?? throw new FormatException($"{f.Name}: not a JSON object") : [];
                foreach (var step in parse.GetValue(done) ?? []) Decide(body, "steps", step, "done", null);
                foreach (var pair in parse.GetValue(skip) ?? []) Decide(body, "steps", Key(pair, "--skip"), "skipped", Reason(pair, "--skip"));
                foreach (var item in parse.GetValue(itemDone) ?? []) Decide(body, "actionItems", item, "done", null);
                foreach (var pair in parse.GetValue(defer) ?? []) Decide(body, "actionItems", Key(pair, "--defer"), "deferred", Reason(pair, "--defer"));
            }
            catch (Exception e) when (e is FormatException or IOException or System.Text.Json.JsonException)
            {
                await context.Error.WriteLineAsync($"firebreak: {e.Message}");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(skipRemaining) is { } all) body["skipRemaining"] = all;
            if (parse.GetValue(waive) is { } why) body["postMortem"] = new JsonObject { ["outcome"] = "waived", ["reason"] = why };
            if (parse.GetValue(reject) is { } rejected) { body["resolution"] = "rejected"; body["reason"] = rejected; }
            if (parse.GetValue(note) is { } text) body["note"] = text;
            var (exit, result) = await new ServerClient(context).SendAsync(HttpMethod.Post, $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/close", body, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, result);
            else await context.Out.WriteLineAsync($"#{Output.S(result!["number"])} {Output.S(result["stage"])} at {Output.S(result["closedAt"])}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Reopen(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var reason = new Option<string>("--reason") { Description = "Why it needs more work", Required = true };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("reopen", "Reopen a closed, rejected or duplicate incident into discovery") { id, reason, json };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, result) = await new ServerClient(context).SendAsync(HttpMethod.Post, $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/reopen",
                new JsonObject { ["reason"] = parse.GetValue(reason) }, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, result);
            else await context.Out.WriteLineAsync($"#{Output.S(result!["number"])} {Output.S(result["stage"])}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Decide(JsonObject body, string group, string key, string outcome, string? reason)
    {
        if (body[group] is not JsonObject decisions) body[group] = decisions = [];
        decisions[key] = new JsonObject { ["outcome"] = outcome, ["reason"] = reason };
    }

    private static string Key(string pair, string option) =>
        pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? pair[..at].Trim() : throw new FormatException($"{option} '{pair}': write ID=REASON");

    private static string Reason(string pair, string option) => pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..] is { Length: > 0 } r ? r
        : throw new FormatException($"{option} '{pair}': the reason after '=' is empty");
}
