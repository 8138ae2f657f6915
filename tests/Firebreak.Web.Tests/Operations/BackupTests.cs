using System.Diagnostics;
using System.Net;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Tests.Infrastructure;
using SqliteConnection = Microsoft.Data.Sqlite.SqliteConnection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Firebreak.Web.Tests.Operations;

/// <summary>
/// A backup taken while reporters are submitting holds every report they were told was kept before the snapshot
/// began, and none acknowledged after it finished; restored, the server reads it (its keys open the sealed text).
/// SQLite through <c>admin backup</c> and <c>admin restore</c> (the real server process); PostgreSQL through
/// pg_dump and pg_restore, as docs/operations.md says.
/// </summary>
public sealed class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ProjectAsync(FirebreakFactory factory)
    {
        var (api, _) = await factory.CreateUserClientAsync(admin: true);
        var slug = $"b{Guid.NewGuid():N}"[..20];
        await api.PostJsonAsync("/api/v1/projects", new { slug, name = "Backed up" }, HttpStatusCode.Created);
        return slug;
    }

    /// <summary>Runs load, takes the snapshot in the middle of it, and sorts the acknowledged reports around it.</summary>
    private static async Task<(List<int> Before, List<int> After)> SnapshotUnderLoadAsync(FirebreakFactory factory, string slug, Func<Task> snapshot)
    {
        await using var load = WriteLoad.Start(factory, slug);
        await load.WaitForMoreAsync(30);
        var began = Stopwatch.GetTimestamp();
        await snapshot();
        var ended = Stopwatch.GetTimestamp();
        await load.WaitForMoreAsync(30);
        var acked = await load.StopAsync();
        var before = acked.Where(a => a.AckedAt < began).Select(a => a.Number).ToList();
        var after = acked.Where(a => a.AckedAt > ended).Select(a => a.Number).ToList();
        Assert.True(before.Count >= 30 && after.Count >= 1, $"{before.Count} acknowledged before the snapshot, {after.Count} after it");
        return (before, after);
    }

#pragma warning disable CA1859 // one check for both databases' factories
    private static async Task AssertHoldsAsync(FirebreakFactory restored, string slug, List<int> before, List<int> after)
#pragma warning restore CA1859
    {
        await using var scope = restored.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var projectId = await db.Projects.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
        var numbers = (await db.Incidents.Where(i => i.ProjectId == projectId).Select(i => i.Number).ToListAsync(Ct)).ToHashSet();
        var lost = before.Where(n => !numbers.Contains(n)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {before.Count} reports acknowledged before the snapshot are missing: #{string.Join(", #", lost.Take(20))}");
        Assert.Contains(after, n => !numbers.Contains(n)); // it is the snapshot that came back, not the live database
        var (api, _) = await restored.CreateUserClientAsync(admin: true);
        var incidents = await api.GetJsonAsync($"/api/v1/projects/{slug}/incidents");
        Assert.Contains("Load report", incidents.ToJsonString(), StringComparison.Ordinal); // the restored keys open the sealed titles
    }

    [Fact]
    public async Task Sqlite_AdminBackup_UnderWriteLoad_RestoresEveryAcknowledgedWrite()
    {
        var database = Path.Combine(Path.GetTempPath(), $"firebreak-backup-{Guid.NewGuid():N}.db");
        var backup = Path.Combine(Path.GetTempPath(), $"firebreak-backup-{Guid.NewGuid():N}", "snapshot.db");
        try
        {
            string slug;
            List<int> before, after;
            await using (var source = new SqliteFactory(database, keepFile: true))
            {
                source.Settings["Intake:PerProjectPerHour"] = "0";
                slug = await ProjectAsync(source);
                var output = new StringWriter();
                (before, after) = await SnapshotUnderLoadAsync(source, slug, async () =>
                {
                    var error = new StringWriter();
                    Assert.True(await AdminCommand.RunAsync(source.Services, ["backup", backup], output, error) == 0, error.ToString());
                });
                Assert.Contains("key-encryption key", output.ToString(), StringComparison.Ordinal);
                Assert.Contains(source.DataDirectory, output.ToString(), StringComparison.Ordinal);

                var refused = new StringWriter();
                Assert.Equal(1, await AdminCommand.RunAsync(source.Services, ["backup", backup], new StringWriter(), refused));
                Assert.Contains("already exists", refused.ToString(), StringComparison.Ordinal);
                refused = new StringWriter();
                Assert.Equal(1, await AdminCommand.RunAsync(source.Services, ["restore", backup], new StringWriter(), refused));
                Assert.Contains("a Firebreak server is running", refused.ToString(), StringComparison.Ordinal);
            }

            var restore = await SqliteAdmin.RunAsync(database, ["admin", "restore", backup]);
            Assert.True(restore.ExitCode == 0 && restore.Output.Contains("restored", StringComparison.Ordinal), SqliteAdmin.Tail(restore.Output));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + ".before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));

            await using var restored = new SqliteFactory(database, keepFile: true);
            await AssertHoldsAsync(restored, slug, before, after);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*")) File.Delete(file);
            if (Directory.Exists(database + ".data")) Directory.Delete(database + ".data", recursive: true);
            if (Directory.Exists(Path.GetDirectoryName(backup))) Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        }
    }

    [Fact]
    public async Task Sqlite_AdminRestore_RefusesWhatIsNotAFirebreakDatabase_AndAnotherServersKeys()
    {
        var database = Path.Combine(Path.GetTempPath(), $"firebreak-restore-{Guid.NewGuid():N}.db");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"firebreak-restore-{Guid.NewGuid():N}")).FullName;
        try
        {
            var text = Path.Combine(folder, "notes.txt");
            await File.WriteAllTextAsync(text, "not a database", Ct);
            var other = Path.Combine(folder, "other.db");
            await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
            {
                await connection.OpenAsync(Ct);
                await using var create = connection.CreateCommand();
                create.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Body TEXT)";
                await create.ExecuteNonQueryAsync(Ct);
            }
            // A real Firebreak backup, but from another installation: its data keys are wrapped under another key-encryption key.
            var foreign = Path.Combine(folder, "foreign.db");
            await using (var stranger = new SqliteFactory())
            {
                await stranger.CreateUserClientAsync(admin: true);
                Assert.Equal(0, await AdminCommand.RunAsync(stranger.Services, ["backup", foreign], new StringWriter(), new StringWriter()));
            }
            await using (var first = new SqliteFactory(database, keepFile: true)) await first.CreateUserClientAsync(admin: true);
            var original = await DataKeysAsync(database);

            foreach (var (file, expected) in new[] { (text, "not a readable SQLite database"), (other, "is not a Firebreak database"), (foreign, "this server's keys cannot read it"), (Path.Combine(folder, "missing.db"), "There is no file") })
            {
                var result = await SqliteAdmin.RunAsync(database, ["admin", "restore", file]);
                Assert.True(result.ExitCode == 1 && result.Output.Contains(expected, StringComparison.Ordinal), $"{result.ExitCode}: {SqliteAdmin.Tail(result.Output)}");
            }
            // Nothing was replaced: the same installation's data keys, nothing moved aside.
            Assert.Equal(original, await DataKeysAsync(database));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + ".before-restore-*"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*")) File.Delete(file);
            if (Directory.Exists(database + ".data")) Directory.Delete(database + ".data", recursive: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The wrapped data keys: they differ between any two installations.</summary>
    private static async Task<string> DataKeysAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(hex(\"Wrapped\"), ',') FROM \"DataKeys\"";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Postgres_PgDump_UnderWriteLoad_RestoresEveryAcknowledgedWrite()
    {
        var server = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");
        RequiredPart.Require(server is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        var tools = PgTools.Find();
        RequiredPart.Require(tools is not null, "pg_dump and pg_restore are not installed (PATH or /usr/lib/postgresql/*/bin).", "PostgreSQL");
        var name = $"firebreak_dump_{Guid.NewGuid():N}";
        var restoredName = name + "_restored";
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"firebreak-data-{Guid.NewGuid():N}");
        var dump = Path.Combine(Path.GetTempPath(), $"{name}.dump");
        var connection = new NpgsqlConnectionStringBuilder(server);
        try
        {
            string slug;
            List<int> before, after;
            await using (var source = new PostgresFactory(name, dataDirectory))
            {
                source.Settings["Intake:PerProjectPerHour"] = "0";
                slug = await ProjectAsync(source);
                var advice = new StringWriter();
                Assert.Equal(1, await AdminCommand.RunAsync(source.Services, ["backup", dump], new StringWriter(), advice));
                Assert.Contains("pg_dump --format=custom", advice.ToString(), StringComparison.Ordinal);
                (before, after) = await SnapshotUnderLoadAsync(source, slug, async () =>
                {
                    var result = await PgTools.RunAsync(tools!, "pg_dump", connection, ["--format=custom", "--file", dump, name]);
                    Assert.True(result.ExitCode == 0, result.Output);
                });
            }
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync(Ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{restoredName}\"", admin);
                await create.ExecuteNonQueryAsync(Ct);
            }
            var restore = await PgTools.RunAsync(tools!, "pg_restore", connection, ["--no-owner", "--exit-on-error", "--dbname", restoredName, dump]);
            Assert.True(restore.ExitCode == 0, restore.Output);

            await using var restored = new PostgresFactory(restoredName, dataDirectory);
            await AssertHoldsAsync(restored, slug, before, after);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync(CancellationToken.None);
                foreach (var database in new[] { name, restoredName })
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            File.Delete(dump);
        }
    }
}

/// <summary>pg_dump and pg_restore from PATH or the Debian/Ubuntu PostgreSQL folders (the newest version found).</summary>
internal static class PgTools
{
    public static string? Find()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")) : []);
        return folders.FirstOrDefault(f => File.Exists(Path.Combine(f, "pg_dump")) && File.Exists(Path.Combine(f, "pg_restore")));
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string tool, NpgsqlConnectionStringBuilder connection, string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(folder, tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username! }.Concat(args))
            info.ArgumentList.Add(arg);
        if (connection.Password is { } password) info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>The built server's admin commands run as an operator runs them (<c>dotnet Firebreak.Web.dll admin …</c>) on a SQLite file and its data directory.</summary>
internal static class SqliteAdmin
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string database, string[] args, Dictionary<string, string>? settings = null)
    {
        Assert.True(File.Exists(RepositoryRoot.BuiltServer), $"build the server first ({RepositoryRoot.BuiltServer})");
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "sqlite",
            ["ConnectionStrings__Firebreak"] = $"Data Source={database};Pooling=False",
            ["Firebreak__DataDirectory"] = database + ".data", // where SqliteFactory keeps this file's keys
            ["Audit__KeyFile"] = Path.Combine(database + ".data", "audit", "audit-signing-key.pem"),
            ["Audit__CheckpointFolder"] = Path.Combine(database + ".data", "audit", "checkpoints"),
        };
        foreach (var (key, value) in settings ?? []) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var (exit, output, error) = await ServerProcess.RunAsync(RepositoryRoot.BuiltServer, Path.GetDirectoryName(database)!, environment, args, TestContext.Current.CancellationToken);
        return (exit, output + error);
    }

    /// <summary>The end of a run's output, where the command's own lines are (after the start-up's).</summary>
    public static string Tail(string output) => output.Length <= 1500 ? output : output[^1500..];
}
