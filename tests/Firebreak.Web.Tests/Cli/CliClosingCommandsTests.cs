using System.Net;
using Firebreak.Cli.Common;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Cli;

/// <summary>`firebreak incidents close|reopen` and the list's state, search and paging, in-process against the server on SQLite.</summary>
public sealed class CliClosingCommandsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"firebreak-cli-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_config);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error) { ConfigPath = _config, CreateHttpClient = b => factory.CreateDefaultClient(b) };
        return (Firebreak.Cli.Program.Run(args, context), output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Close_ListsWhatIsUnfinished_ThenClosesWithFlags_AndListFindsItClosedBySearch()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", api.DefaultRequestHeaders.Authorization!.Parameter!).Exit);
        var slug = $"clic{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "CLI closing" }, HttpStatusCode.Created);
        var id = Run("incidents", "open", "-p", slug, "--kind", "leaked-credential", "--title", "Registry token in a gist", "--severity", "medium").Out.Trim();
        Run("incidents", "open", "-p", slug, "--kind", "other", "--title", "Still open", "--severity", "low");

        var refused = Run("incidents", "close", id);
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("  postMortem: The post-mortem is not signed off", refused.Err, StringComparison.Ordinal);
        var steps = (await api.GetJsonAsync($"/api/v1/incidents/{id}/closing"))["steps"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        foreach (var step in steps) Assert.Contains($"  steps.{step}: ", refused.Err, StringComparison.Ordinal);

        var args = new List<string> { "incidents", "close", id, "--waive-postmortem", "revoked within the hour", "--note", "token revoked" };
        foreach (var step in steps) args.AddRange(["--skip", $"{step}=covered by the revocation"]);
        var closed = Run([.. args]);
        Assert.True(closed.Exit == ExitCodes.Ok, closed.Err);
        Assert.Contains(" closed at ", closed.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Run("incidents", "close", id, "--skip", "no-equals-sign").Exit);

        var list = Run("incidents", "list", "-p", slug, "--state", "closed", "--q", "GIST", "--page", "1");
        Assert.True(list.Exit == ExitCodes.Ok, list.Err);
        Assert.Contains("Registry token in a gist", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Still open", list.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, Run("incidents", "list", "-p", slug, "--page", "0").Exit);

        var reopened = Run("incidents", "reopen", id, "--reason", "a second token turned up");
        Assert.True(reopened.Exit == ExitCodes.Ok, reopened.Err);
        Assert.Contains("discovery", reopened.Out, StringComparison.Ordinal);

        // Reopened, its steps settled: a second incident's every step skipped with one reason, one of them with its own.
        var other = Run("incidents", "open", "-p", slug, "--kind", "leaked-credential", "--title", "Second token", "--severity", "medium").Out.Trim();
        var pending = (await api.GetJsonAsync($"/api/v1/incidents/{other}/closing"))["steps"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        var once = Run("incidents", "close", other, "--skip", $"{pending[0]}=its own reason", "--skip-remaining", "all covered by the revocation",
            "--waive-postmortem", "same lesson as before");
        Assert.True(once.Exit == ExitCodes.Ok, once.Err);
        var texts = (await api.GetJsonAsync($"/api/v1/incidents/{other}/timeline")).AsArray().Select(t => (string)t!["text"]!).ToList();
        Assert.Equal(pending.Count - 1, texts.Count(t => t.StartsWith("Skipped step", StringComparison.Ordinal) && t.EndsWith("all covered by the revocation", StringComparison.Ordinal)));
    }
}
