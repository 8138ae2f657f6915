using Firebreak.Cli.Common;
using Firebreak.Cli.Server;

namespace Firebreak.Cli.Scan;

/// <summary>
/// `scan --upload PROJECT`: registers each scanned file with the project on the server (PUT
/// /api/v1/projects/{slug}/manifests), which keeps re-checking it and opens incidents for new
/// findings on the release path. File names are sent relative to the working directory (the bare name for files outside it).
/// </summary>
internal static class ScanUpload
{
    public static async Task<int> RunAsync(CliContext context, string slug, IReadOnlyList<string> files, bool releasePath, CancellationToken ct)
    {
        var client = new ServerClient(context);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(file)).Replace('\\', '/');
            if (name.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(name)) name = Path.GetFileName(file); // outside the checkout
            var (exit, body) = await client.SendAsync(HttpMethod.Put, $"api/v1/projects/{Uri.EscapeDataString(slug)}/manifests",
                new System.Text.Json.Nodes.JsonObject { ["name"] = name, ["content"] = await File.ReadAllTextAsync(file, ct), ["releasePath"] = releasePath }, ct);
            if (exit != ExitCodes.Ok) return exit;
            var opened = body?["openedIncidents"]?.AsArray().Count ?? 0;
            await context.Error.WriteLineAsync($"firebreak: registered {name} with {slug}" + (opened > 0 ? $"; {opened} incident(s) opened" : ""));
        }
        return ExitCodes.Ok;
    }
}
