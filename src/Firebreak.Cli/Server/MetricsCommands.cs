using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak metrics --project SLUG [--from] [--to] [--json]`: a project's response metrics from the server.</summary>
internal static class MetricsCommands
{
    public static Command Create(CliContext context)
    {
        var project = new Option<string>("--project", "-p") { Description = "Project slug", Required = true };
        var from = new Option<string?>("--from") { Description = "First day of the period (yyyy-MM-dd; default a year before --to)" };
        var to = new Option<string?>("--to") { Description = "Last day of the period (yyyy-MM-dd; default today)" };
        var json = IncidentsCommands.JsonOption();
        var command = new Command("metrics", "Response metrics of a project for a period: per clock and severity, what is open, volume") { project, from, to, json };
        command.SetAction(async (parse, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(from) is { } start) query.Add($"from={Uri.EscapeDataString(start)}");
            if (parse.GetValue(to) is { } end) query.Add($"to={Uri.EscapeDataString(end)}");
            var path = $"api/v1/projects/{Uri.EscapeDataString(parse.GetValue(project)!)}/metrics" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, path, null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(json))
            {
                Output.Json(context.Out, body);
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"{Output.S(body!["project"])}: {Output.S(body["incidents"])} incidents opened {Output.S(body["from"])} to {Output.S(body["to"])}, {Output.S(body["openIncidents"])} still open");
            var rows = new List<IReadOnlyList<string>>();
            foreach (var clock in body["clocks"]!.AsArray())
            {
                foreach (var f in clock!["bySeverity"]!.AsArray().Append(clock["all"]))
                {
                    if ((int)f!["count"]! == 0) continue;
                    rows.Add([Output.S(clock["kind"]), Output.S(f["severity"]) is { Length: > 0 } s ? s : "all", Output.S(f["count"]), Output.S(f["open"]),
                        Hours(f["medianHours"]), Hours(f["p90Hours"]), Hours(f["estimatedMedianHours"]), Output.S(f["met"]), Output.S(f["breached"]), Share(f["metShare"])]);
                }
            }
            Output.Table(context.Out, ["CLOCK", "SEVERITY", "COUNT", "OPEN", "MEDIAN", "P90", "EST. MEDIAN", "MET", "BREACHED", "MET %"], rows);
            await context.Out.WriteLineAsync("Open incidents by age: " + string.Join(", ",
                body["openIncidentAges"]!.AsArray().Select(b => $"{Output.S(b!["label"])}: {Output.S(b["count"])}")));
            foreach (var (name, key) in new[] { ("By source", "bySource"), ("By triage verdict", "byVerdict") })
                await context.Out.WriteLineAsync($"{name}: " + string.Join(", ", body[key]!.AsArray().Select(b => $"{Output.S(b!["name"])} {Output.S(b["count"])}")));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Hours(JsonNode? node) => node is null ? "-" : (double)node switch
    {
        < 48 and var h => h.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        var h => (h / 24).ToString("0.#", CultureInfo.InvariantCulture) + " d",
    };

    private static string Share(JsonNode? node) => node is null ? "-" : ((double)node * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
