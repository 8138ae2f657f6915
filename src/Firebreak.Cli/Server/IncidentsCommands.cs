using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak incidents list|open|show|severity|stage|assign|release|postmortem|action-items`.</summary>
internal static class IncidentsCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("incidents", "List, open, show and triage incidents on the server");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Open(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Severity(context));
        command.Subcommands.Add(Stage(context));
        command.Subcommands.Add(Assign(context));
        command.Subcommands.Add(Release(context));
        command.Subcommands.Add(PostMortemCommands.PostMortem(context));
        command.Subcommands.Add(PostMortemCommands.ActionItems(context));
        command.Subcommands.Add(ArchiveDownload.Incident(context));
        command.Subcommands.Add(ClosingCommands.Close(context));
        command.Subcommands.Add(ClosingCommands.Reopen(context));
        return command;
    }

    internal static Option<bool> JsonOption() => new("--json") { Description = "Print the server's JSON" };

    private static Command List(CliContext context)
    {
        var project = new Option<string>("--project", "-p") { Description = "Project slug", Required = true };
        var stage = new Option<string?>("--stage") { Description = "Only this stage" };
        var severity = new Option<string?>("--severity") { Description = "Only this severity" };
        var kind = new Option<string?>("--kind") { Description = "Only this kind" };
        var breached = new Option<bool>("--breached") { Description = "Only incidents with a breached clock" };
        var state = new Option<string?>("--state") { Description = "open, closed (closed, rejected, duplicate) or all (the default)" };
        var search = new Option<string?>("--q", "-q") { Description = "Text in the title or summary, a CVE or GHSA id, or #number" };
        var page = new Option<int?>("--page") { Description = "Page number, from 1" };
        var pageSize = new Option<int?>("--page-size") { Description = "Incidents per page, 1 to 200 (default 50)" };
        var json = JsonOption();
        var command = new Command("list", "List a project's incidents, one page at a time") { project, stage, severity, kind, breached, state, search, page, pageSize, json };
        command.SetAction(async (parse, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(state) is { } st) query.Add($"state={Uri.EscapeDataString(st)}");
            if (parse.GetValue(search) is { } q) query.Add($"q={Uri.EscapeDataString(q)}");
            if (parse.GetValue(page) is { } p) query.Add($"page={p.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            if (parse.GetValue(pageSize) is { } ps) query.Add($"pageSize={ps.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            if (parse.GetValue(stage) is { } s) query.Add($"stage={Uri.EscapeDataString(s)}");
            if (parse.GetValue(severity) is { } v) query.Add($"severity={Uri.EscapeDataString(v)}");
            if (parse.GetValue(kind) is { } k) query.Add($"kind={Uri.EscapeDataString(k)}");
            if (parse.GetValue(breached)) query.Add("breached=true");
            var path = $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/incidents" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, path, null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, body);
            else Output.Table(context.Out, ["#", "ID", "SEVERITY", "STAGE", "KIND", "NEXT DEADLINE", "TITLE"],
                body!.AsArray().Select(i => (IReadOnlyList<string>)[Output.S(i!["number"]), Output.S(i["id"]), Output.S(i["severity"]),
                    Output.S(i["stage"]), Output.S(i["kind"]), NextDeadline(i), Output.S(i["title"])]));
            if (!parse.GetValue(json) && body!.AsArray().Count == (parse.GetValue(pageSize) ?? 50))
                await context.Error.WriteLineAsync($"firebreak: a full page; more may follow with --page {(parse.GetValue(page) ?? 1) + 1}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Open(CliContext context)
    {
        var project = new Option<string>("--project", "-p") { Description = "Project slug", Required = true };
        var kind = new Option<string>("--kind") { Description = "vulnerability-report, compromised-dependency, leaked-credential, release-compromise, kev-match, ai-guardrail-bypass or other", Required = true };
        var title = new Option<string>("--title") { Description = "One-line title", Required = true };
        var severity = new Option<string>("--severity") { Description = "critical, high, medium or low", Required = true };
        var userSafety = new Option<string?>("--user-safety") { Description = "User-safety class (forces critical)" };
        var summary = new Option<string?>("--summary") { Description = "Summary (Markdown)" };
        var playbook = new Option<string?>("--playbook") { Description = "Playbook id instead of the kind's default" };
        var json = JsonOption();
        var command = new Command("open", "Open an incident; prints its id") { project, kind, title, severity, userSafety, summary, playbook, json };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Post,
                $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/incidents",
                new JsonObject
                {
                    ["kind"] = parse.GetValue(kind), ["title"] = parse.GetValue(title), ["severity"] = parse.GetValue(severity),
                    ["userSafetyClass"] = parse.GetValue(userSafety), ["summary"] = parse.GetValue(summary), ["playbook"] = parse.GetValue(playbook),
                }, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, body);
            else await context.Out.WriteLineAsync(Output.S(body!["id"]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var json = JsonOption();
        var command = new Command("show", "Show an incident: clocks, checklist and assignments") { id, json };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, body);
            else IncidentText.Write(context.Out, body!);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Severity(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var severity = new Argument<string>("severity") { Description = "critical, high, medium or low" };
        var userSafety = new Option<string?>("--user-safety") { Description = "User-safety class; empty string clears it" };
        return Patch(context, new Command("severity", "Re-triage: change the severity (clocks are recomputed)") { id, severity, userSafety },
            id, parse => new JsonObject { ["severity"] = parse.GetValue(severity), ["userSafetyClass"] = parse.GetValue(userSafety) });
    }

    private static Command Stage(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var stage = new Argument<string>("stage") { Description = "discovery, assessment, disclosure, post-mortem, closed, rejected or duplicate" };
        var reason = new Option<string?>("--reason") { Description = "Why" };
        var duplicateOf = new Option<Guid?>("--duplicate-of") { Description = "The original, when the stage is duplicate" };
        return Patch(context, new Command("stage", "Move the incident to another stage") { id, stage, reason, duplicateOf },
            id, parse => new JsonObject { ["stage"] = parse.GetValue(stage), ["stageReason"] = parse.GetValue(reason), ["duplicateOf"] = parse.GetValue(duplicateOf) });
    }

    private static Command Assign(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var role = new Argument<string>("role") { Description = "admin, triage-owner, incident-manager, release-engineer, reviewer, board, or a role the project added" };
        var person = new Argument<string>("person") { Description = "Handle or e-mail; empty string unassigns" };
        return Patch(context, new Command("assign", "Assign a role for this incident") { id, role, person },
            id, parse => new JsonObject { ["assignments"] = new JsonObject { [parse.GetValue(role)!] = parse.GetValue(person) } });
    }

    private static Command Release(CliContext context)
    {
        var id = new Argument<string>("incident") { Description = "Incident id" };
        var versions = new Option<string[]>("--version") { Description = "A released version (repeat for several), e.g. 0.4.2 or v0.4.2-secfix.1", Required = true, Arity = ArgumentArity.OneOrMore };
        var url = new Option<string>("--url") { Description = "The tag or release notes (https)", Required = true };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When it was released (ISO 8601 with offset or Z; default: now)" };
        var provenance = new Option<string?>("--provenance") { Description = "The provenance or attestation of the artefacts (https)" };
        var json = JsonOption();
        var command = new Command("release", "Record a release carrying the fix; the fix clock stops at its instant") { id, versions, url, at, provenance, json };
        command.SetAction(async (parse, ct) =>
        {
            var body = new JsonObject { ["versions"] = new JsonArray([.. parse.GetValue(versions)!.Select(v => (JsonNode?)JsonValue.Create(v))]), ["url"] = parse.GetValue(url) };
            if (parse.GetValue(at) is { } when) body["releasedAt"] = when.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            if (parse.GetValue(provenance) is { } p) body["provenanceUrl"] = p;
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Post,
                $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}/releases", body, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, answer);
            else await context.Out.WriteLineAsync($"Recorded release {string.Join(", ", answer!["versions"]!.AsArray().Select(Output.S))} (released {Output.S(answer["releasedAt"])})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Patch(CliContext context, Command command, Argument<string> id, Func<ParseResult, JsonObject> body)
    {
        var json = JsonOption();
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var (exit, answer) = await new ServerClient(context).SendAsync(HttpMethod.Patch, $"api/v1/incidents/{Uri.EscapeDataString(parse.GetValue(id)!)}", body(parse), ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, answer);
            else IncidentText.Write(context.Out, answer!);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string NextDeadline(JsonNode incident)
    {
        var next = incident["clocks"]!.AsArray().Where(c => c!["stoppedAt"] is null)
            .OrderBy(c => (long)c!["remainingSeconds"]!).FirstOrDefault();
        return next is null ? "-" : $"{Output.S(next["kind"])} {Output.Remaining((long)next["remainingSeconds"]!)} ({Output.S(next["state"])})";
    }
}
