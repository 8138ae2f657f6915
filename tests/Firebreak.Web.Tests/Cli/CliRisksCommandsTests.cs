using System.Net;
using Firebreak.Cli.Common;
using Firebreak.Web.Tests.Infrastructure;

namespace Firebreak.Web.Tests.Cli;

/// <summary>`firebreak risks list|export|import`, run in-process against the real server on SQLite.</summary>
public sealed class CliRisksCommandsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"firebreak-cli-{Guid.NewGuid():N}.json");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("firebreak-risks-");

    public void Dispose()
    {
        File.Delete(_config);
        _folder.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error) { ConfigPath = _config, CreateHttpClient = baseAddress => factory.CreateDefaultClient(baseAddress) };
        return (Firebreak.Cli.Program.Run(args, context), output.ToString(), error.ToString());
    }

    private async Task<(HttpClient Api, string Slug)> SignedInWithProjectAsync()
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", api.DefaultRequestHeaders.Authorization!.Parameter!).Exit);
        var slug = $"clr{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "CLI risks" }, HttpStatusCode.Created);
        return (api, slug);
    }

    [Fact]
    public async Task ExportThenImport_IntoAnotherProject_GivesTheSameFile_AndListShowsIt()
    {
        var (api, slug) = await SignedInWithProjectAsync();
        await api.PostJsonAsync($"/api/v1/projects/{slug}/risks", new
        {
            title = "Token | in logs", categories = new[] { "information-disclosure" }, asset = "CI", threat = "Logs\nkeep tokens", likelihood = 4, impact = 4,
            status = "accepted", acceptedUntil = "2026-01-01", acceptedBy = "Ana",
        }, HttpStatusCode.Created);
        var file = Path.Combine(_folder.FullName, "RISK-REGISTER.md");
        var export = Run("risks", "export", "--project", slug, "-o", file);
        Assert.True(export.Exit == ExitCodes.Ok, export.Err);

        var other = $"clr{Guid.NewGuid():N}"[..16];
        await api.PostJsonAsync("/api/v1/projects", new { slug = other, name = "Other" }, HttpStatusCode.Created);
        var dry = Run("risks", "import", "--project", other, file, "--dry-run");
        Assert.True(dry.Exit == ExitCodes.Ok, dry.Err);
        Assert.StartsWith("Would import: 1 (RISK-001) entered", dry.Out, StringComparison.Ordinal);
        var import = Run("risks", "import", "--project", other, file);
        Assert.True(import.Exit == ExitCodes.Ok, import.Err);
        Assert.StartsWith("Imported: 1 (RISK-001) entered", import.Out, StringComparison.Ordinal);
        var again = Run("risks", "export", "--project", other);
        Assert.Equal(File.ReadAllText(file), again.Out);

        var list = Run("risks", "list", "--project", other);
        Assert.True(list.Exit == ExitCodes.Ok, list.Err);
        Assert.Contains("RISK-001  16 high  I       accepted until 2026-01-01 (REVIEW DUE)", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 entries: 0 open, 0 mitigated, 1 accepted (1 due for review), 0 transferred", list.Out, StringComparison.Ordinal);
        Assert.Equal(["RISK-001"], System.Text.Json.Nodes.JsonNode.Parse(Run("risks", "list", "--project", other, "--review-due", "--json").Out)!["risks"]!
            .AsArray().Select(r => (string)r!["id"]!));
    }

    [Fact]
    public async Task Import_OfABrokenFile_NamesEveryErrorByLineAndColumn()
    {
        var (_, slug) = await SignedInWithProjectAsync();
        var file = Path.Combine(_folder.FullName, "broken.md");
        File.WriteAllText(file, "| ID | Title | STRIDE | Asset | Threat | Likelihood | Impact | Rating | Mitigations | Status | Owner | Incidents |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
            "| RISK-001 | T | Q | A | X | 1 | 1 | 1 | | open | | |\n| RISK-002 | T | S | A | X | 1 | 9 | 9 | | open | | |\n");
        var import = Run("risks", "import", "--project", slug, file);
        Assert.Equal(ExitCodes.InvalidInput, import.Exit);
        Assert.Contains("line 3, column 18 (STRIDE): 'Q' is not a STRIDE category", import.Err, StringComparison.Ordinal);
        Assert.Contains("line 4, column 34 (Impact):", import.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, Run("risks", "import", "--project", slug, Path.Combine(_folder.FullName, "missing.md")).Exit);
        Assert.Equal(ExitCodes.NotFound, Run("risks", "list", "--project", "no-such-project").Exit);
    }
}
