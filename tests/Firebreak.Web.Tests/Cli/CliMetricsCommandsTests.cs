using System.Net;
using System.Text.Json.Nodes;
using Firebreak.Cli.Common;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Cli;

/// <summary>`firebreak metrics --project SLUG`, run in-process against the real server on SQLite.</summary>
public sealed class CliMetricsCommandsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"firebreak-cli-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_config);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error) { ConfigPath = _config, CreateHttpClient = baseAddress => factory.CreateDefaultClient(baseAddress) };
        return (Firebreak.Cli.Program.Run(args, context), output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Metrics_PrintsATable_JsonOnAsking_AndNamesABadDate()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", api.DefaultRequestHeaders.Authorization!.Parameter!).Exit);
        var slug = $"clm{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "CLI metrics" }, HttpStatusCode.Created);
        await factory.CreateClient().PostJsonAsync($"/api/v1/projects/{slug}/reports", new { title = "A report for the metrics" }, HttpStatusCode.Created);

        var table = Run("metrics", "--project", slug);
        Assert.True(table.Exit == ExitCodes.Ok, table.Err);
        Assert.StartsWith($"{slug}: 1 incidents opened", table.Out, StringComparison.Ordinal);
        Assert.Contains("CLOCK", table.Out, StringComparison.Ordinal);
        var ackAll = table.Out.Split('\n').Single(l => l.StartsWith("acknowledgement", StringComparison.Ordinal) && l.Contains(" all ", StringComparison.Ordinal));
        Assert.Matches(@"^acknowledgement\s+all\s+1\s+1\s+-\s+-\s+-\s+0\s+0\s+-", ackAll.TrimEnd()); // one report, not acknowledged yet
        Assert.Contains("By source: form 0, api 1, watch 0, webhook 0", table.Out, StringComparison.Ordinal);

        var json = Run("metrics", "--project", slug, "--from", "2020-01-01", "--json");
        Assert.True(json.Exit == ExitCodes.Ok, json.Err);
        var body = JsonNode.Parse(json.Out)!;
        Assert.Equal(("2020-01-01", 1), ((string)body["from"]!, (int)body["incidents"]!));

        var bad = Run("metrics", "--project", slug, "--from", "2020-02-31");
        Assert.NotEqual(ExitCodes.Ok, bad.Exit);
        Assert.Contains("from: '2020-02-31' is not a date", bad.Err, StringComparison.Ordinal);
    }
}
