using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Cli;

/// <summary>The CLI's server commands, run in-process against the real server on SQLite.</summary>
public sealed class CliServerCommandsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"firebreak-cli-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_config);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error)
        {
            ConfigPath = _config,
            CreateHttpClient = baseAddress => factory.CreateDefaultClient(baseAddress),
        };
        var exit = Firebreak.Cli.Program.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> SignedInWithProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var token = api.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", token).Exit);
        var slug = $"cli{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "CLI project" }, HttpStatusCode.Created);
        return slug;
    }

    [Fact]
    public async Task AdvisoryExport_Incident_FetchesTheServersExport()
    {
        var slug = await SignedInWithProjectAsync();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var id = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "x", severity = "high" }, HttpStatusCode.Created))["id"]!;
        using (var content = new StringContent(Disclosure.AdvisoryApiTests.Advisory, System.Text.Encoding.UTF8, "application/json"))
        using (var saved = await api.PutAsync(new Uri($"/api/v1/incidents/{id}/advisory", UriKind.Relative), content, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var export = Run("advisory", "export", id, "--format", "changelog");
        Assert.True(export.Exit == ExitCodes.Ok, export.Err);
        Assert.StartsWith("- security: ", export.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, Run("advisory", "export", Guid.NewGuid().ToString(), "--format", "osv").Exit);
    }

    [Fact]
    public async Task ScanUpload_RegistersTheScannedLockfileWithTheProject()
    {
        var slug = await SignedInWithProjectAsync();
        var folder = Directory.CreateTempSubdirectory("firebreak-upload-");
        try
        {
            var lockfile = Path.Combine(folder.FullName, "package-lock.json");
            File.WriteAllText(lockfile, "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/left-pad\": {\"version\": \"1.3.0\"}}}");
            var osv = Path.Combine(folder.FullName, "osv.json");
            File.WriteAllText(osv, "{\"id\": \"GHSA-2c47-m6qq-7p4h\", \"modified\": \"2026-11-30T00:00:00Z\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"left-pad\"}, \"versions\": [\"1.3.0\"]}]}");

            var scan = Run("scan", lockfile, "--osv", osv, "--upload", slug, "--not-shipped");
            Assert.True(scan.Exit == ExitCodes.Findings, $"exit {scan.Exit}: {scan.Err}");
            Assert.Contains($"registered package-lock.json with {slug}", scan.Err, StringComparison.Ordinal);
            var (api, _) = await factory.CreateUserClientAsync(admin: true);
            var manifest = (await api.GetJsonAsync($"/api/v1/projects/{slug}/manifests")).AsArray().Single()!;
            Assert.Equal("package-lock.json", (string?)manifest["name"]);
            Assert.False((bool)manifest["releasePath"]!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OpenShowSeverityStepAndList_WorkEndToEnd()
    {
        var slug = await SignedInWithProjectAsync();

        var open = Run("incidents", "open", "-p", slug, "--kind", "leaked-credential", "--title", "npm token leaked", "--severity", "medium");
        Assert.Equal(0, open.Exit);
        var id = open.Out.Trim();
        Assert.True(Guid.TryParse(id, out _), open.Out + open.Err);

        var severity = Run("incidents", "severity", id, "critical", "--json");
        Assert.Equal(0, severity.Exit);
        Assert.Equal("critical", (string?)JsonNode.Parse(severity.Out)!["severity"]);

        var shown = JsonNode.Parse(Run("incidents", "show", id, "--json").Out)!;
        var first = (string)shown["playbooks"]![0]!["steps"]![0]!["id"]!;
        var skip = Run("steps", "skip", id, first, "--reason", "done before the incident was opened");
        Assert.Equal(0, skip.Exit);
        Assert.Contains("Skipped", skip.Out, StringComparison.OrdinalIgnoreCase);

        var text = Run("incidents", "show", id);
        Assert.Contains("first-action", text.Out, StringComparison.Ordinal);
        Assert.Contains("[-]", text.Out, StringComparison.Ordinal);

        var list = Run("incidents", "list", "-p", slug);
        Assert.Equal(0, list.Exit);
        Assert.Contains("npm token leaked", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentsRelease_RecordsTheReleaseAndStopsTheFixClock()
    {
        var slug = await SignedInWithProjectAsync();
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var id = (string)(await api.PostJsonAsync($"/api/v1/projects/{slug}/incidents", new { kind = "vulnerability-report", title = "x", severity = "high" }, HttpStatusCode.Created))["id"]!;
        var at = factory.Clock.GetUtcNow().AddHours(-2);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

        var refused = Run("incidents", "release", id, "--version", "0.4.2", "--url", "http://example.org/tag");
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("url:", refused.Err, StringComparison.Ordinal);

        var recorded = Run("incidents", "release", id, "--version", "0.4.2", "--version", "v0.4.2-secfix.1", "--url", "https://example.org/releases/v0.4.2",
            "--at", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "--provenance", "https://example.org/att.jsonl");
        Assert.True(recorded.Exit == ExitCodes.Ok, recorded.Err);
        Assert.StartsWith("Recorded release 0.4.2, v0.4.2-secfix.1", recorded.Out, StringComparison.Ordinal);
        var release = (await api.GetJsonAsync($"/api/v1/incidents/{id}/releases")).AsArray().Single()!;
        Assert.Equal("https://example.org/att.jsonl", (string)release["provenanceUrl"]!);
        Assert.Equal(at, (await api.GetJsonAsync($"/api/v1/incidents/{id}")).Clock("fix")["stoppedAt"]!.Instant());
    }

    [Fact]
    public async Task IntegrationsGithub_PrintsTheUrlAndASecretThatSignsDeliveries()
    {
        var slug = await SignedInWithProjectAsync();
        var created = Run("integrations", "github", "--project", slug);
        Assert.True(created.Exit == ExitCodes.Ok, created.Err);
        var lines = created.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"url:    http://localhost/hooks/github/{slug}", lines[0]);
        var secret = lines[1]["secret: ".Length..].Trim();
        Assert.Matches("^[0-9a-f]{64}$", secret);

        var ping = "{\"zen\":\"Design for failure.\"}"u8.ToArray();
        var (status, answer) = await Integrations.HookSender.PostAsync(factory.CreateClient(), $"/hooks/github/{slug}", "ping", "cli-ping", ping,
            Integrations.HookSender.Sign(secret, ping));
        Assert.Equal((200, "ping"), (status, (string?)answer!["outcome"]));
        var rotated = JsonNode.Parse(Run("integrations", "github", "--project", slug, "--json").Out)!;
        Assert.NotEqual(secret, (string?)rotated["secret"]);
        Assert.Equal(ExitCodes.NotFound, Run("integrations", "generic", "--project", "no-such-project").Exit);
    }

    [Fact]
    public async Task Errors_MapToDocumentedExitCodes()
    {
        var slug = await SignedInWithProjectAsync();

        Assert.Equal(ExitCodes.NotFound, Run("incidents", "show", Guid.NewGuid().ToString()).Exit);
        var invalid = Run("incidents", "open", "-p", slug, "--kind", "toaster", "--title", "x", "--severity", "low");
        Assert.Equal(ExitCodes.InvalidInput, invalid.Exit);
        Assert.Contains("toaster", invalid.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Run("incidents", "open", "-p", slug).Exit);
        Assert.Equal(ExitCodes.Unauthorized, Run("login", "--server", "http://localhost/", "--token", "fbk_wrong").Exit);
    }

    [Fact]
    public void ServerCommand_NotSignedIn_ExitsUnauthorized()
    {
        factory.RequireDatabase();
        var result = Run("incidents", "list", "-p", "anything");
        Assert.Equal(ExitCodes.Unauthorized, result.Exit);
        Assert.Contains("firebreak login", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaybooksListAndShow_ShowTheServersPlaybooks()
    {
        await SignedInWithProjectAsync();
        var list = Run("playbooks", "list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("kev-match", list.Out, StringComparison.Ordinal);
        var show = Run("playbooks", "show", "kev-match");
        Assert.Contains("compromised-dependency#pin-rollback", show.Out, StringComparison.Ordinal);
    }
}
