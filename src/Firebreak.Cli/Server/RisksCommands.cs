using System.CommandLine;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak risks list|export|import --project SLUG`: a project's STRIDE risk register on the server.</summary>
internal static class RisksCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("risks", "A project's STRIDE risk register: list, export and import RISK-REGISTER.md or JSON");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(Import(context));
        return command;
    }

    private static Option<string> ProjectOption() => new("--project", "-p") { Description = "Project slug", Required = true };

    private static string Path(ParseResult parse, Option<string> project, string rest = "") =>
        $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/risks{rest}";

    private static Command List(CliContext context)
    {
        var project = ProjectOption();
        var status = new Option<string?>("--status") { Description = "Only this status: open, mitigated, accepted or transferred" };
        var category = new Option<string?>("--category") { Description = "Only this STRIDE category, e.g. information-disclosure" };
        var reviewDue = new Option<bool>("--review-due") { Description = "Only accepted risks past their date" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("list", "List the register's entries, highest rating first") { project, status, category, reviewDue, json };
        command.SetAction(async (parse, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(status) is { } s) query.Add($"status={Uri.EscapeDataString(s)}");
            if (parse.GetValue(category) is { } c) query.Add($"category={Uri.EscapeDataString(c)}");
            if (parse.GetValue(reviewDue)) query.Add("reviewDue=true");
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, Path(parse, project, query.Count > 0 ? "?" + string.Join('&', query) : ""), null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json))
            {
                Output.Json(context.Out, body);
                return ExitCodes.Ok;
            }
            Output.Table(context.Out, ["ID", "RATING", "STRIDE", "STATUS", "OWNER", "INCIDENTS", "TITLE"],
                body!["risks"]!.AsArray().Select(r => (IReadOnlyList<string>)[Output.S(r!["id"]), $"{Output.S(r["rating"])} {Output.S(r["level"])}",
                    string.Concat(r["categories"]!.AsArray().Select(c => char.ToUpperInvariant(Output.S(c)[0]))), Status(r),
                    Output.S(r["owner"]), string.Join(",", r["incidents"]!.AsArray().Select(i => "#" + Output.S(i!["number"]))), OneLine(Output.S(r["title"]))]));
            var counts = body["counts"]!;
            await context.Out.WriteLineAsync($"{Output.S(counts["total"])} entries: {Output.S(counts["open"])} open, {Output.S(counts["mitigated"])} mitigated, " +
                $"{Output.S(counts["accepted"])} accepted ({Output.S(counts["reviewDue"])} due for review), {Output.S(counts["transferred"])} transferred");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Status(JsonNode risk) => Output.S(risk["status"]) switch
    {
        "accepted" => $"accepted until {Output.S(risk["acceptedUntil"])}{((bool?)risk["reviewDue"] == true ? " (REVIEW DUE)" : "")}",
        "transferred" => "transferred",
        var other => other,
    };

    private static string OneLine(string text) => text.Length <= 60 ? text : text[..59] + "…";

    private static Command Export(CliContext context)
    {
        var project = ProjectOption();
        var format = new Option<string>("--format") { Description = "markdown (RISK-REGISTER.md, the default) or json", DefaultValueFactory = _ => "markdown" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the register as RISK-REGISTER.md or JSON") { project, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var (exit, text, _) = await new ServerClient(context).SendForTextAsync(HttpMethod.Get,
                Path(parse, project, $"/export?format={Uri.EscapeDataString(parse.GetValue(format)!)}"), null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file, text, new System.Text.UTF8Encoding(false), ct);
            else await context.Out.WriteAsync(text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var project = ProjectOption();
        var file = new Argument<string>("file") { Description = "RISK-REGISTER.md, or the JSON register (by its .json extension or --format json)" };
        var format = new Option<string?>("--format") { Description = "markdown or json (default: from the file's extension)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would change" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("import", "Import a register file; all or nothing, errors named by line and column") { project, file, format, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await context.Error.WriteLineAsync($"firebreak: {path}: no such file.");
                return ExitCodes.InvalidInput;
            }
            var isJson = (parse.GetValue(format) ?? (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "markdown")) == "json";
            var document = await File.ReadAllTextAsync(path, ct);
            var (exit, _, body) = await new ServerClient(context).SendDocumentAsync(HttpMethod.Post,
                Path(parse, project, parse.GetValue(dryRun) ? "/import?dryRun=true" : "/import"), document, isJson ? "application/json" : "text/markdown", ct);
            if (body?["errors"] is JsonArray errors)
            {
                foreach (var e in errors.Skip(1)) await context.Error.WriteLineAsync($"firebreak: {path}: {Where(e!)}{Output.S(e!["message"])}");
                return exit;
            }
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json)) Output.Json(context.Out, body);
            else await context.Out.WriteLineAsync($"{(parse.GetValue(dryRun) ? "Would import" : "Imported")}: {Count(body!, "created")} entered, " +
                $"{Count(body!, "updated")} changed, {Count(body!, "unchanged")} unchanged, {Count(body!, "notInFile")} not in the file");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Where(JsonNode error) => error["path"] is { } p ? $"{Output.S(p)}: " : $"line {Output.S(error["line"])}, column {Output.S(error["column"])} ({Output.S(error["field"])}): ";

    private static string Count(JsonNode body, string name)
    {
        var ids = body[name]!.AsArray().Select(Output.S).ToList();
        return ids.Count == 0 || name == "unchanged" ? ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ids.Count} ({string.Join(", ", ids)})";
    }
}
