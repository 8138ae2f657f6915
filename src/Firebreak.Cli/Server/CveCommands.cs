using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>
/// <c>firebreak cve reserve|status|reject|publish</c>: a project's CVE ids through its own CNA (CVE Services, reached by the
/// server): reserve ids (for the project, or one for an incident), show the ids, those listed for rejection and the
/// calls, or an incident's CVE id and clocks; reject an unused id; publish an incident's record from its public advisory. Calls are queued on the server; status shows how they went.
/// </summary>
internal static class CveCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cve", "CVE ids through the project's own CNA (CVE Services)");
        command.Subcommands.Add(Reserve(context));
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Reject(context));
        command.Subcommands.Add(Publish(context));
        return command;
    }

    private static Option<string?> ProjectOption() => new("--project") { Description = "The project's slug" };

    private static Option<string?> IncidentOption() => new("--incident") { Description = "An incident id (reserve one id for it / show its CVE)" };

    private static Command Reserve(CliContext context)
    {
        var (project, incident) = (ProjectOption(), IncidentOption());
        var amount = new Option<int?>("--amount") { Description = "How many ids (default 1)" };
        var year = new Option<int?>("--year") { Description = "The ids' year (default this year)" };
        var nonSequential = new Option<bool>("--non-sequential") { Description = "Ask for non-sequential ids" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("reserve", "Queue a reservation of CVE ids") { project, incident, amount, year, nonSequential, json };
        command.SetAction(async (parse, ct) =>
        {
            var (path, body) = parse.GetValue(incident) is { } id
                ? ($"api/v1/incidents/{Uri.EscapeDataString(id)}/cve", new JsonObject { ["action"] = "reserve" })
                : parse.GetValue(project) is { } slug
                    ? ($"api/v1/projects/{Uri.EscapeDataString(slug)}/cve-ids",
                        new JsonObject { ["amount"] = parse.GetValue(amount), ["year"] = parse.GetValue(year), ["sequential"] = !parse.GetValue(nonSequential) })
                    : (null, null);
            if (path is null) return await UsageAsync(context, "reserve needs --project SLUG or --incident ID");
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post, path, body, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, answer);
            else await context.Out.WriteLineAsync($"queued: {Output.S(answer!["what"])} (call {Output.S(answer["id"])}); `firebreak cve status` shows the outcome");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var (project, incident) = (ProjectOption(), IncidentOption());
        var json = IncidentsCommands.JsonOption();
        var command = new Command("status", "Show a project's CVE ids and calls, or an incident's CVE id and clocks") { project, incident, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(incident) is { } id ? $"api/v1/incidents/{Uri.EscapeDataString(id)}/cve"
                : parse.GetValue(project) is { } slug ? $"api/v1/projects/{Uri.EscapeDataString(slug)}/cve-ids" : null;
            if (path is null) return await UsageAsync(context, "status needs --project SLUG or --incident ID");
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Get, path, null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) { Output.Json(context.Out, answer); return ExitCodes.Ok; }
            if (answer!["ids"] is JsonArray ids && answer["clocks"] is null)
            {
                foreach (var i in ids) await context.Out.WriteLineAsync($"{Output.S(i!["cveId"])}\t{Output.S(i["state"])}\t{(i["incidentId"] is null ? "unused" : "incident " + Output.S(i["incidentId"]))}");
                foreach (var r in answer["forRejection"]!.AsArray()) await context.Out.WriteLineAsync($"listed for rejection: {Output.S(r)}");
            }
            else
            {
                await context.Out.WriteLineAsync($"CVE id: {(answer["cveId"] is null ? "none" : Output.S(answer["cveId"]))} (authority {Output.S(answer["authority"])})");
                foreach (var c in answer["clocks"]!.AsArray()) await context.Out.WriteLineAsync($"{Output.S(c!["kind"])}\t{Output.S(c["state"])}\tdue {Output.S(c["dueAt"])}");
            }
            foreach (var c in answer["calls"]!.AsArray())
                await context.Out.WriteLineAsync($"call: {Output.S(c!["what"])}\t{Output.S(c["state"])}\tattempts {c["attempts"]}{(c["lastError"] is { } e ? "\t" + e : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Reject(CliContext context)
    {
        var project = new Option<string>("--project") { Description = "The project's slug", Required = true };
        var cve = new Argument<string>("cve-id") { Description = "The unused reserved id" };
        var reason = new Option<string?>("--reason") { Description = "Why it is rejected (default: unused)" };
        var command = new Command("reject", "Queue the rejection of an unused reserved id") { project, cve, reason };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post,
                $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/cve-ids/{Uri.EscapeDataString(parse.GetValue(cve)!)}/reject",
                new JsonObject { ["reason"] = parse.GetValue(reason) }, ct);
            if (exit != ExitCodes.Ok) return exit;
            await context.Out.WriteLineAsync($"queued: {Output.S(answer!["what"])}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Publish(CliContext context)
    {
        var incident = new Option<string>("--incident") { Description = "The incident whose advisory is public", Required = true };
        var command = new Command("publish", "Queue the publication of an incident's CVE record from its public advisory (when it went public without an id)") { incident };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post,
                $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(incident)!)}/cve", new JsonObject { ["action"] = "publish" }, ct);
            if (exit != ExitCodes.Ok) return exit;
            await context.Out.WriteLineAsync($"queued: {Output.S(answer!["what"])} (call {Output.S(answer["id"])}); `firebreak cve status --incident` shows the outcome");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> UsageAsync(CliContext context, string message)
    {
        await context.Error.WriteLineAsync(message);
        return ExitCodes.InvalidInput;
    }
}
