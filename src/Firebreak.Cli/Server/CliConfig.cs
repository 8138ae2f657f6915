using System.Text.Json;

namespace Firebreak.Cli.Server;

/// <summary>What `firebreak login` stores: the server and the API token (file mode 0600).</summary>
internal sealed record CliConfig(string Server, string Token)
{
    private static readonly CliJsonContext Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static CliConfig? Load(string path)
    {
        var server = Environment.GetEnvironmentVariable("FIREBREAK_SERVER");
        var token = Environment.GetEnvironmentVariable("FIREBREAK_TOKEN");
        if (!string.IsNullOrEmpty(server) && !string.IsNullOrEmpty(token)) return new CliConfig(server, token);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), Json.CliConfig);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this, Json.CliConfig);
    }
}
