using System.Net;
using System.Text.RegularExpressions;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Operations;

/// <summary>The build once, published to a folder outside the source tree, as the operators' tests start it.</summary>
public sealed class PublishedBuild : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("firebreak-published-").FullName;

    public string Dll => Path.Combine(Folder, "app", "Firebreak.Web.dll");

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(RepositoryRoot.BuiltServer), $"build the server in Release first ({RepositoryRoot.BuiltServer})");
        var project = Path.Combine(RepositoryRoot.Path, "src", "Firebreak.Web", "Firebreak.Web.csproj");
        using var publish = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "--no-build", "--nologo", "-o", Path.Combine(Folder, "app")])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await error}");
    }

    /// <summary>An empty folder elsewhere to start the published server from.</summary>
    public string NewRunFolder() => Directory.CreateDirectory(Path.Combine(Folder, "run-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a killed server's file may linger a moment; the temp folder is the system's to clean */ }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The published server works wherever it is started from: its styles and script are served, its appsettings.json
/// applies (a quiet console), its data lands in ./data of the folder it starts from, and the setup link is on screen
/// at once and can be printed again with <c>admin setup-link</c>.
/// </summary>
public sealed partial class PublishedBuildTests(PublishedBuild build) : IClassFixture<PublishedBuild>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> NoMail = new() { ["Mail__Smtp__Host"] = "" };

    [Fact]
    public async Task StartedFromAnEmptyFolder_ServesTheStyledLoginPage_AndShowsTheSetupLinkFirst()
    {
        var run = build.NewRunFolder();
        await using var server = ServerProcess.Start(build.Dll, run, NoMail);
        var port = await server.Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var setupLine = await WaitForLineAsync(server, l => SetupLink().IsMatch(l));
        var lines = server.Lines;
        var at = lines.ToList().FindIndex(l => SetupLink().IsMatch(l));
        Assert.True(at is >= 0 and < 20, $"the setup link is line {at + 1} of the console:\n{server.Output}");
        Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal)); // appsettings.json applies: no SQL on the console
        Assert.True(File.Exists(Path.Combine(run, "data", "firebreak.db")), "the database is not in ./data of the folder the server started from");

        using var login = await http.SendAsync(Forwarded("/account/login"), Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain(login.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase)); // X-Forwarded-Proto from an untrusted client is ignored
        var html = await login.Content.ReadAsStringAsync(Ct);
        var css = Stylesheet().Match(html);
        var script = Script().Match(html);
        Assert.True(css.Success && script.Success, "the login page links no stylesheet or script:\n" + html);
        using (var sheet = await http.GetAsync(new Uri(WebUtility.HtmlDecode(css.Groups[1].Value), UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
            Assert.Equal("text/css", sheet.Content.Headers.ContentType?.MediaType);
            Assert.Contains("{", await sheet.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var js = await http.GetAsync(new Uri(WebUtility.HtmlDecode(script.Groups[1].Value), UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Contains("javascript", js.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        var setupPath = new Uri(SetupLink().Match(setupLine).Value).PathAndQuery;
        using var setup = await http.GetAsync(new Uri(setupPath, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
    }

    [Fact]
    public async Task SetupLink_PrintsAWorkingLink_WhileNoAccountExists_AndRefusesOnceOneDoes()
    {
        var run = build.NewRunFolder();
        await using var server = ServerProcess.Start(build.Dll, run, NoMail);
        var port = await server.Port;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var (exit, output, error) = await ServerProcess.RunAsync(build.Dll, run, NoMail, ["admin", "setup-link", "--url", $"http://127.0.0.1:{port}/"], Ct);
        Assert.True(exit == 0, $"admin setup-link exited {exit}: {error}");
        var link = SetupLink().Match(output);
        Assert.True(link.Success, "no link in:\n" + output);
        Assert.StartsWith($"http://127.0.0.1:{port}/setup?token=", link.Value, StringComparison.Ordinal);
        var path = new Uri(link.Value).PathAndQuery;
        using (var page = await http.GetAsync(new Uri(path, UriKind.Relative), Ct)) Assert.Equal(HttpStatusCode.OK, page.StatusCode); // issued by another process, honoured by the server
        using (var forged = await http.GetAsync(new Uri(path[..^4] + "AAAA", UriKind.Relative), Ct)) Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var bad = await ServerProcess.RunAsync(build.Dll, run, NoMail, ["admin", "setup-link", "--url", "ftp://example.test"], Ct);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--url 'ftp://example.test' is not an absolute http or https address", bad.Error, StringComparison.Ordinal);

        var created = await ServerProcess.RunAsync(build.Dll, run, NoMail, ["admin", "create-user", "--email", "first@example.test", "--admin"], Ct);
        Assert.True(created.ExitCode == 0, created.Error);
        using (var spent = await http.GetAsync(new Uri(path, UriKind.Relative), Ct)) Assert.Equal(HttpStatusCode.NotFound, spent.StatusCode);
        var refused = await ServerProcess.RunAsync(build.Dll, run, NoMail, ["admin", "setup-link"], Ct);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("An account exists already", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedSchemeCounts_AndABadProxySettingStopsTheStart()
    {
        var run = build.NewRunFolder();
        await using (var server = ServerProcess.Start(build.Dll, run, new Dictionary<string, string>(NoMail) { ["Firebreak__Proxy__Trusted"] = "127.0.0.1, 10.0.0.0/8" }))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{await server.Port}") };
            using var login = await http.SendAsync(Forwarded("/account/login"), Ct);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            // The proxy said https: the antiforgery cookie (secure as the request) is marked secure.
            Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }
        var (exit, _, error) = await ServerProcess.RunAsync(build.Dll, run, new Dictionary<string, string>(NoMail) { ["Firebreak__Proxy__Trusted"] = "127.0.0.1, proxy.local" }, [], Ct);
        Assert.NotEqual(0, exit);
        Assert.Contains("Firebreak:Proxy:Trusted: 'proxy.local' is not an IP address or CIDR network", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondServerOnTheSameSqliteFile_IsRefusedWithTheReason_AndStartsOnceTheFirstIsKilled()
    {
        var run = build.NewRunFolder();
        await using (var first = ServerProcess.Start(build.Dll, run, NoMail))
        {
            await first.Port;
            var (exit, output, error) = await ServerProcess.RunAsync(build.Dll, run, NoMail, ["--urls", "http://127.0.0.1:0"], Ct);
            Assert.Equal(1, exit);
            Assert.Contains($"Another Firebreak server is already running on {Path.Combine(run, "data", "firebreak.db")}", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
            await first.KillAsync(); // SIGKILL: the kernel drops the lock with the process
        }
        await using var second = ServerProcess.Start(build.Dll, run, NoMail);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{await second.Port}") };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>A request as a TLS-terminating proxy passes it on.</summary>
    private static HttpRequestMessage Forwarded(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return request;
    }

    private static async Task<string> WaitForLineAsync(ServerProcess server, Func<string, bool> match)
    {
        for (var i = 0; i < 300; i++)
        {
            if (server.Lines.FirstOrDefault(match) is { } line) return line;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The line never came:\n" + server.Output);
    }

    [GeneratedRegex(@"https?://[^\s]+/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""([^""]+)""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex(@"<script src=""([^""]+)""")]
    private static partial Regex Script();
}
