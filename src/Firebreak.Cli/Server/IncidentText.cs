using System.Text.Json.Nodes;

namespace Firebreak.Cli.Server;

/// <summary>An incident as readable text: header, clocks, assignments, checklist.</summary>
internal static class IncidentText
{
    public static void Write(TextWriter o, JsonNode i)
    {
        o.WriteLine($"{Output.S(i["project"])} #{Output.S(i["number"])}  {Output.S(i["title"])}");
        o.WriteLine($"id {Output.S(i["id"])} · {Output.S(i["kind"])} · severity {Output.S(i["severity"])} · stage {Output.S(i["stage"])}");
        if (i["severityReason"] is { } reason) o.WriteLine($"severity reason: {Output.S(reason)}");
        o.WriteLine();
        o.WriteLine("Clocks (UTC):");
        Output.Table(o, ["  CLOCK", "DUE", "LEFT", "STATE"], i["clocks"]!.AsArray().Select(c => (IReadOnlyList<string>)[
            "  " + Output.S(c!["kind"]), Output.S(c["dueAt"]),
            c["stoppedAt"] is null ? Output.Remaining((long)c["remainingSeconds"]!) : "stopped " + Output.S(c["stoppedAt"]),
            Output.S(c["state"])]));
        if (i["assignments"] is JsonObject assignments && assignments.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Assignments:");
            foreach (var (role, person) in assignments) o.WriteLine($"  {role}: {Output.S(person)}");
        }
        foreach (var run in i["playbooks"]!.AsArray())
        {
            o.WriteLine();
            o.WriteLine($"Playbook {Output.S(run!["playbookId"])}{(run["endedAt"] is null ? "" : " (ended: " + Output.S(run["endReason"]) + ")")}:");
            foreach (var s in run["steps"]!.AsArray())
            {
                var mark = Output.S(s!["status"]) switch
                {
                    "done" => "[x]",
                    "skipped" => "[-]",
                    "not-applicable" => "[ ]n/a",
                    _ => (bool)s["actionable"]! ? "[ ]" : "[ ]wait",
                };
                o.WriteLine($"  {mark,-7} {Output.S(s["id"]),-28} {Output.S(s["title"])}");
            }
        }
    }
}
