using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Firebreak.Load;

/// <summary>
/// The real server (the published or built <c>Firebreak.Web.dll</c>) started as its own process from a working folder
/// outside the source tree, so its ./data folder is the battery's. SIGKILL is a crash; SIGTERM a clean stop.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>The server's environment: the database, the port, and the intake's per-address limit lifted (all load comes from one address).</summary>
    public sealed record Settings(string App, string WorkFolder, string Provider, string? Connection, int Port)
    {
        public Uri Url => new($"http://127.0.0.1:{Port}");

        public ProcessStartInfo StartInfo(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = WorkFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(App, "Firebreak.Web.dll"));
            foreach (var a in args) info.ArgumentList.Add(a);
            info.Environment["ASPNETCORE_URLS"] = Url.ToString();
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["ASPNETCORE_WEBROOT"] = Path.Combine(App, "wwwroot");
            info.Environment["Firebreak__PublicUrl"] = Url.ToString();
            info.Environment["Database__Provider"] = Provider;
            if (Connection is not null) info.Environment["ConnectionStrings__Firebreak"] = Connection;
            info.Environment["Intake__PerAddressPerHour"] = "1000000000";
            info.Environment["Intake__PerProjectPerHour"] = "0";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error";
            return info;
        }
    }

    /// <summary>Starts the server and waits until /health answers (at most five minutes: the machine is shared, and at a load
    /// average of 50 a start was seen to take more than two).</summary>
    public static async Task<ServerProcess> StartAsync(Settings settings, TextWriter log)
    {
        // Another process answering on the port would pass for this server (its /health answers): refuse to start.
        using (var probe = new System.Net.Sockets.TcpClient())
        {
            try
            {
                await probe.ConnectAsync("127.0.0.1", settings.Port);
                throw new InvalidOperationException($"port {settings.Port} is already in use by another process");
            }
            catch (System.Net.Sockets.SocketException)
            {
                // free, as it should be
            }
        }
        var process = Process.Start(settings.StartInfo())!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode} before answering; see {settings.WorkFolder}/server.log");
            try
            {
                using var response = await http.GetAsync(new Uri(settings.Url, "/health"));
                if (response.IsSuccessStatusCode) return new ServerProcess(process);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        process.Kill();
        await process.WaitForExitAsync();
        throw new TimeoutException("the server did not answer /health within five minutes");
    }

    /// <summary>kill -9: no shutdown code runs, whatever was in flight is cut off.</summary>
    public async Task KillAsync()
    {
        _ = Signal(_process.Id, 9);
        await _process.WaitForExitAsync();
    }

    /// <summary>A clean stop (SIGTERM), as systemd would; SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        _ = Signal(_process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    /// <summary>Runs the server's own command line (<c>admin …</c>) and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Output, string Error)> RunCommandAsync(Settings settings, params string[] args)
    {
        using var process = Process.Start(settings.StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    public void Dispose() => _process.Dispose();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Signal(int pid, int signal);
}
