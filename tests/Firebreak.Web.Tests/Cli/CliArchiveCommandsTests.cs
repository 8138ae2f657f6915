using System.Net;
using Firebreak.Cli.Common;
using Firebreak.Web.Infrastructure.Audit;
using Firebreak.Web.Tests.Archive;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Firebreak.Web.Tests.Cli;

/// <summary>`firebreak incidents archive` against the real server on SQLite, and `firebreak archive verify` offline: exit codes and one line per problem.</summary>
public sealed class CliArchiveCommandsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"firebreak-cli-{Guid.NewGuid():N}.json");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("firebreak-archive-");

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

    private string File_(string name) => Path.Combine(_folder.FullName, name);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task IncidentsArchive_ThenVerify_IsIntact_AndAChangedFileIsNamed()
    {
        var r = await ArchiveApiTests.RecordAsync(factory);
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", r.Admin.DefaultRequestHeaders.Authorization!.Parameter!).Exit);
        var file = File_("record.zip");
        var download = Run("incidents", "archive", r.Incident, "-o", file);
        Assert.True(download.Exit == ExitCodes.Ok, download.Err);
        Assert.Contains("firebreak archive verify", download.Out, StringComparison.Ordinal);
        Assert.Equal(await ArchiveApiTests.DownloadAsync(r.Admin, $"/api/v1/incidents/{r.Incident}/archive"), await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));

        var verify = Run("archive", "verify", file);
        Assert.True(verify.Exit == ExitCodes.Ok, verify.Err);
        Assert.StartsWith($"{file}: intact: ", verify.Out, StringComparison.Ordinal);

        var key = File_("audit.pem");
        await File.WriteAllTextAsync(key, factory.Services.GetRequiredService<AuditSigningKey>().PublicKeyPem, TestContext.Current.CancellationToken);
        var pinned = Run("archive", "verify", file, "--public-key", key);
        Assert.True(pinned.Exit == ExitCodes.Ok, pinned.Err);
        Assert.Contains("signed by the key given", pinned.Out, StringComparison.Ordinal);
        var notAKey = File_("not-a-key.pem");
        await File.WriteAllTextAsync(notAKey, "hello", TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Usage, Run("archive", "verify", file, "--public-key", notAKey).Exit);

        var files = ZipFiles.Read(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var changed = files.Select(f => f.Path == "thread.json" ? (f.Path, f.Content.Concat(" "u8.ToArray()).ToArray()) : f).ToList();
        var tampered = File_("tampered.zip");
        await File.WriteAllBytesAsync(tampered, ZipFiles.Write(changed), TestContext.Current.CancellationToken);
        var refused = Run("archive", "verify", tampered);
        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Equal($"{tampered}: thread.json: does not match the manifest", Lines(refused.Err).Single()[..($"{tampered}: thread.json: does not match the manifest".Length)]);
        Assert.Equal("", refused.Out);

        var project = Run("incidents", "archive", "--project", r.Slug, "-o", File_("project.zip"));
        Assert.True(project.Exit == ExitCodes.Ok, project.Err);
        Assert.Equal(ExitCodes.Ok, Run("archive", "verify", File_("project.zip")).Exit);
    }

    [Fact]
    public async Task IncidentsArchive_Refused_LeavesNoFile()
    {
        var r = await ArchiveApiTests.RecordAsync(factory);
        var (board, email) = await factory.CreateUserClientAsync(admin: false);
        await r.Root.PostJsonAsync($"/api/v1/projects/{r.Slug}/members", new { email, role = "board" }, HttpStatusCode.NoContent);
        Assert.Equal(0, Run("login", "--server", "http://localhost/", "--token", board.DefaultRequestHeaders.Authorization!.Parameter!).Exit);
        var file = File_("refused.zip");
        var refused = Run("incidents", "archive", r.Incident, "-o", file);
        Assert.Equal(ExitCodes.Unauthorized, refused.Exit);
        Assert.Contains("403", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));
        Assert.Equal(ExitCodes.Usage, Run("incidents", "archive", "-o", file).Exit);
    }

    [Fact]
    public async Task ArchiveVerify_OfHostileFiles_GivesOneLineEach_AndNoStackTrace()
    {
        var cases = new Dictionary<string, byte[]>
        {
            ["empty.zip"] = [],
            ["text.zip"] = "just some text\n"u8.ToArray(),
            ["truncated.zip"] = ZipFiles.Write([("manifest.json", System.Security.Cryptography.RandomNumberGenerator.GetBytes(5_000))])[..3_000],
            ["escape.zip"] = ZipFiles.Write([("../../etc/cron.d/evil", "x"u8.ToArray()), ("manifest.json", "{}"u8.ToArray())]),
        };
        foreach (var (name, bytes) in cases)
        {
            var path = File_(name);
            await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
            var (exit, output, error) = Run("archive", "verify", path);
            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.Equal("", output);
            Assert.All(Lines(error), line => Assert.StartsWith($"{path}: ", line, StringComparison.Ordinal));
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        Assert.Single(Lines(Run("archive", "verify", File_("text.zip")).Err));
        Assert.Contains("'..' segment", Run("archive", "verify", File_("escape.zip")).Err, StringComparison.Ordinal);
        var missing = Run("archive", "verify", File_("no-such.zip"));
        Assert.Equal(ExitCodes.InvalidInput, missing.Exit);
        Assert.Single(Lines(missing.Err));
    }
}
