using Firebreak.Web.Data;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Firebreak.Web.Tests.Data;

/// <summary>
/// The migrations are the schema's history: applied in order to an empty database (the baseline and
/// every migration after it) they must give exactly the schema the model describes, with no pending
/// model change and no warning, on SQLite and on PostgreSQL. A change to the model without its
/// migration, or a migration that drifts from the model, fails here.
/// </summary>
public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_MigratedDatabase_HasTheModelsSchema_WithoutWarnings()
    {
        var migrated = Path.Combine(Path.GetTempPath(), $"firebreak-migrated-{Guid.NewGuid():N}.db");
        var created = Path.Combine(Path.GetTempPath(), $"firebreak-created-{Guid.NewGuid():N}.db");
        try
        {
            var warnings = new List<string>();
            await using (var db = Sqlite(migrated, warnings))
            {
                await DataSetup.MigrateAsync(db, Ct);
                Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration carries: add a migration.");
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            }
            Assert.True(warnings.Count == 0, "Migrating a fresh database logged warnings: " + string.Join(" | ", warnings));
            await using (var db = Sqlite(created, []))
                await db.Database.EnsureCreatedAsync(Ct);
            Assert.Equal(SqliteSchema(created), SqliteSchema(migrated));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { migrated, created })
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    [Fact]
    public async Task Postgres_MigratedDatabase_HasTheModelsSchema_WithoutWarnings()
    {
        var server = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");
        RequiredPart.Require(server is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        var migrated = new NpgsqlConnectionStringBuilder(server) { Database = $"firebreak_migrated_{Guid.NewGuid():N}" }.ConnectionString;
        var created = new NpgsqlConnectionStringBuilder(server) { Database = $"firebreak_created_{Guid.NewGuid():N}" }.ConnectionString;
        // An operator creates the (empty) database; the server migrates it.
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(migrated).Database}\"", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }
        var warnings = new List<string>();
        await using (var db = Postgres(migrated, warnings))
        {
            await DataSetup.MigrateAsync(db, Ct);
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration carries: add a migration.");
        }
        Assert.True(warnings.Count == 0, "Migrating a fresh database logged warnings: " + string.Join(" | ", warnings));
        await using (var db = Postgres(created, []))
            await db.Database.EnsureCreatedAsync(Ct);
        try
        {
            Assert.Equal(await PostgresSchemaAsync(created), await PostgresSchemaAsync(migrated));
        }
        finally
        {
            await using var db = Postgres(migrated, []);
            await db.Database.EnsureDeletedAsync(Ct);
            await using var other = Postgres(created, []);
            await other.Database.EnsureDeletedAsync(Ct);
        }
    }

    /// <summary>
    /// The schema of the build before the last baseline regeneration (commit e85c253, before incidents kept ClosedAt), as
    /// <c>dotnet ef migrations script</c> wrote it then; Data/Schemas/README.md says how to make the next one.
    /// </summary>
    private static string PreviousSchema(string provider) =>
        File.ReadAllText(Path.Combine(Root(), "tests", "Firebreak.Web.Tests", "Data", "Schemas", $"previous-{provider}.sql"));

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Firebreak.slnx not found above the test binaries.");
    }

    /// <summary>
    /// A database made by the previous build's schema: the server takes the configured backup first, then, as the baseline
    /// it was made by is not in this build's history, refuses with a sentence naming both and changes nothing (rather
    /// than failing half-way through creating tables that exist). Releases must keep their baseline for an upgrade to
    /// apply (docs/operations.md, Upgrades).
    /// </summary>
    [Fact]
    public async Task Sqlite_PreviousSchema_IsBackedUpFirst_ThenRefusedWithASentence_AndLeftUnchanged()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"firebreak-upgrade-{Guid.NewGuid():N}")).FullName;
        var database = Path.Combine(folder, "firebreak.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync(Ct);
                await using var script = connection.CreateCommand();
                script.CommandText = PreviousSchema("sqlite");
                await script.ExecuteNonQueryAsync(Ct);
            }
            var before = SqliteSchema(database);
            var backups = Path.Combine(folder, "backups");
            var start = await Operations.SqliteAdmin.RunAsync(database, ["admin", "audit-key"], new() { ["Database:BackupBeforeMigrate"] = backups });
            Assert.True(start.ExitCode != 0 && start.Output.Contains("this build does not know (20261207101240_Baseline", StringComparison.Ordinal)
                && start.Output.Contains("Nothing was changed", StringComparison.Ordinal), Operations.SqliteAdmin.Tail(start.Output));
            Assert.Equal(before, SqliteSchema(database)); // the schema as the previous build made it
            Assert.Null(await DatabaseBackupCheck(database)); // and its history still names only the previous baseline
            var backup = Assert.Single(Directory.GetFiles(backups, "firebreak-before-*_Baseline-*.db"));
            Assert.Null(await DatabaseBackupCheck(backup));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>SQLite's integrity check of the backup and the previous baseline in its history (no keys: the old database has no data keys yet).</summary>
    private static async Task<string?> DatabaseBackupCheck(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT integrity_check FROM pragma_integrity_check) || ' ' || (SELECT MigrationId FROM \"__EFMigrationsHistory\")";
        var result = (string?)await command.ExecuteScalarAsync(Ct);
        return result == "ok 20261207101240_Baseline" ? null : result;
    }

    [Fact]
    public async Task Postgres_PreviousSchema_IsRefusedWithASentence_AndLeftUnchanged()
    {
        var server = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");
        RequiredPart.Require(server is not null, "PostgreSQL is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
        var name = $"firebreak_previous_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            await using (var previous = new NpgsqlConnection(connection))
            {
                await previous.OpenAsync(Ct);
                await using var script = new NpgsqlCommand(PreviousSchema("postgres"), previous);
                await script.ExecuteNonQueryAsync(Ct);
            }
            var schema = await PostgresSchemaAsync(connection);
            await using (var db = Postgres(connection, []))
            {
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DataSetup.MigrateAsync(db, Ct));
                Assert.Contains("this build does not know (20261207101328_Baseline", refused.Message, StringComparison.Ordinal);
            }
            Assert.Equal(schema, await PostgresSchemaAsync(connection));
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static SqliteFirebreakDbContext Sqlite(string file, List<string> warnings)
    {
        var options = new DbContextOptionsBuilder<SqliteFirebreakDbContext>();
        DataSetup.ConfigureSqlite(options, $"Data Source={file};Pooling=False").UseApplicationServiceProvider(DataSetup.DesignTimeServices())
            .UseLoggerFactory(Warnings(warnings));
        return new SqliteFirebreakDbContext(options.Options);
    }

    private static PostgresFirebreakDbContext Postgres(string connection, List<string> warnings)
    {
        var options = new DbContextOptionsBuilder<PostgresFirebreakDbContext>();
        DataSetup.ConfigurePostgres(options, connection).UseApplicationServiceProvider(DataSetup.DesignTimeServices())
            .UseLoggerFactory(Warnings(warnings));
        return new PostgresFirebreakDbContext(options.Options);
    }

    private static ILoggerFactory Warnings(List<string> into) => LoggerFactory.Create(b => b.AddProvider(new CollectingLoggerProvider(into)).SetMinimumLevel(LogLevel.Warning));

    /// <summary>Every table's columns (name, type, nullability, default) and every index, as sorted lines.</summary>
    private static List<string> SqliteSchema(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        foreach (var table in tables)
        {
            lines.AddRange(Query(connection, $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || IFNULL(dflt_value, '') FROM pragma_table_info('{table}')"));
            lines.AddRange(Query(connection, $"SELECT '{table} fk ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}')"));
        }
        lines.AddRange(Query(connection, "SELECT 'index ' || name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task<List<string>> PostgresSchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var lines = new List<string>();
        foreach (var sql in new[]
        {
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '') || ' nullable=' || is_nullable || ' default=' || COALESCE(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """,
            "SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'",
            """
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """,
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private sealed class CollectingLoggerProvider(List<string> into) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(into, categoryName);

        public void Dispose() { }

        private sealed class Collector(List<string> into, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lock (into) into.Add($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
