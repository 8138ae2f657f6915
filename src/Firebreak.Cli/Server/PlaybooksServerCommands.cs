using System.CommandLine;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

/// <summary>`firebreak playbooks list|show`: the playbooks the server runs (validate works offline).</summary>
internal static class PlaybooksServerCommands
{
    public static void AddTo(Command playbooks, CliContext context)
    {
        var listJson = IncidentsCommands.JsonOption();
        var list = new Command("list", "List the playbooks the server runs") { listJson };
        list.SetAction(async (parse, ct) =>
        {
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, "api/v1/playbooks", null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(listJson)) Output.Json(context.Out, body);
            else Output.Table(context.Out, ["ID", "TRIGGERS", "TITLE"], body!.AsArray().Select(p => (IReadOnlyList<string>)[
                Output.S(p!["id"]), string.Join(",", p["triggers"]!.AsArray().Select(Output.S)), Output.S(p["title"])]));
            return ExitCodes.Ok;
        });
        var id = new Argument<string>("playbook") { Description = "Playbook id" };
        var showJson = IncidentsCommands.JsonOption();
        var show = new Command("show", "Show a playbook's steps") { id, showJson };
        show.SetAction(async (parse, ct) =>
        {
            var (exit, body) = await new ServerClient(context).SendAsync(HttpMethod.Get, $"api/v1/playbooks/{Uri.EscapeDataString(parse.GetValue(id)!)}", null, ct);
            if (exit != ExitCodes.Ok) return exit;
            if (parse.GetValue(showJson)) { Output.Json(context.Out, body); return ExitCodes.Ok; }
            await context.Out.WriteLineAsync($"{Output.S(body!["title"])} ({Output.S(body["id"])})");
            foreach (var s in body["steps"]!.AsArray())
            {
                var extra = s!["deadline"] is { } d ? $" within {Output.S(d)}" : "";
                await context.Out.WriteLineAsync($"  {Output.S(s["id"]),-28} {Output.S(s["title"])} [{Output.S(s["role"])}{extra}]");
                foreach (var o in s["options"]!.AsArray())
                    await context.Out.WriteLineAsync($"      {Output.S(o!["id"])}: {Output.S(o["label"])}" +
                        (o["handover"] is { } h ? $" → {Output.S(h)}" : o["next"]!.AsArray().Count > 0 ? " → " + string.Join(", ", o["next"]!.AsArray().Select(Output.S)) : ""));
            }
            return ExitCodes.Ok;
        });
        playbooks.Subcommands.Add(list);
        playbooks.Subcommands.Add(show);
    }
}
