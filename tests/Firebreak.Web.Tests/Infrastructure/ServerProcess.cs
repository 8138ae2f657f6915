using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>The repository the tests run from (the folder holding Firebreak.slnx).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The server as built in Release by the test command (what the published build is made from).</summary>
    public static string BuiltServer => System.IO.Path.Combine(Path, "src", "Firebreak.Web", "bin", "Release", "net10.0", "Firebreak.Web.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Firebreak.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (Firebreak.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// The server as a process of its own (<c>dotnet Firebreak.Web.dll</c>), as an operator runs it: its console
/// kept line by line, its port learnt from its own "Now listening on" line. A port chosen ahead by the test
/// could be taken by another test's listener before the server binds it.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>The port it listens on, once it says so (fails if it exits first or takes over a minute).</summary>
    public Task<int> Port => _port.Task.WaitAsync(TimeSpan.FromSeconds(90));

    /// <summary>Its standard output and error so far, in the order they arrived.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>Starts the server from <paramref name="workingDirectory"/> on a port the kernel picks.</summary>
    public static ServerProcess Start(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = Info(dll, workingDirectory, environment, [.. args, "--urls", "http://127.0.0.1:0"]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("The server did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        process.Exited += (_, _) => server._port.TrySetException(new InvalidOperationException($"The server exited ({process.ExitCode}) before listening:\n{server.Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a one-off command of the server (<c>admin …</c>) to its end, with <paramref name="input"/> as its standard input when given.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args, CancellationToken ct,
        string? input = null)
    {
        var info = Info(dll, workingDirectory, environment, args);
        info.RedirectStandardInput = input is not null;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The server did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input.AsMemory(), ct);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        if (ListeningOn().Match(line) is { Success: true } match)
            _port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ProcessStartInfo Info(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // As an operator starts it: production, and nothing inherited from the test run's own settings.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("Firebreak__", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
