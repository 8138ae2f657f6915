using System.CommandLine;
using Firebreak.Cli.Common;

namespace Firebreak.Cli.Server;

internal static class LoginCommand
{
    public static Command Create(CliContext context)
    {
        var server = new Option<string>("--server") { Description = "Server URL, e.g. https://firebreak.example.org", Required = true };
        var token = new Option<string>("--token") { Description = "Personal API token (fbk_…)", Required = true };
        var command = new Command("login", "Store the server and API token for the server commands (checked against the server first)");
        command.Options.Add(server);
        command.Options.Add(token);
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(server)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                await context.Error.WriteLineAsync($"firebreak: '{url}' is not an http(s) URL.");
                return ExitCodes.Usage;
            }
            var config = new CliConfig(uri.ToString(), parse.GetValue(token)!.Trim());
            var previous = CliConfig.Load(context.ConfigPath);
            config.Save(context.ConfigPath);
            var (exit, _) = await new ServerClient(context).SendAsync(HttpMethod.Get, "api/v1/projects", null, ct);
            if (exit != ExitCodes.Ok)
            {
                if (previous is null) File.Delete(context.ConfigPath); else previous.Save(context.ConfigPath);
                return exit;
            }
            await context.Out.WriteLineAsync($"Signed in to {uri}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
