using Firebreak.Web.Data.Sealing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Firebreak.Web.Data;

/// <summary>Chooses the database provider from configuration and applies migrations at start-up.</summary>
internal static partial class DataSetup
{
    /// <summary>
    /// Interceptors registered as <see cref="IInterceptor"/> services (by the features and the mail
    /// outbox) join the fixed ones.
    /// <c>Database:Provider</c> is <c>sqlite</c> (default, file under ./data) or <c>postgres</c>;
    /// <c>ConnectionStrings:Firebreak</c> overrides the connection string.
    /// </summary>
    public static WebApplicationBuilder AddFirebreakData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddScoped<BatchReads>();
        builder.Services.AddSingleton<DataKeyRing>();
        builder.Services.AddSingleton(sp => KeyEncryptionKey.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        var provider = builder.Configuration["Database:Provider"] ?? "sqlite";
        var connection = builder.Configuration.GetConnectionString("Firebreak");
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                connection ??= DefaultSqlite(builder.Configuration);
                builder.Services.AddSingleton(_ => new SqliteServerLock(connection)); // made by the container, so disposed (released) with it
                builder.Services.AddHostedService<SqliteServerLock.AtStart>();
                builder.Services.AddSingleton(sp => new JobLocks(null, sp.GetRequiredService<ILogger<JobLocks>>()));
                builder.Services.AddSingleton(sp => new RateWindows(null, sp.GetRequiredService<TimeProvider>()));
                builder.Services.AddDbContext<FirebreakDbContext, SqliteFirebreakDbContext>((sp, o) => ConfigureSqlite(o, connection).UseSealing(sp.GetRequiredService<DataKeyRing>()).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Firebreak is not set.");
                builder.Services.AddSingleton(sp => new JobLocks(connection, sp.GetRequiredService<ILogger<JobLocks>>()));
                builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresPool.WithDefaults(connection))); // the process's one pool, disposed with the container
                builder.Services.AddSingleton(sp => new RateWindows(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), ownsSource: false));
                builder.Services.AddDbContext<FirebreakDbContext, PostgresFirebreakDbContext>((sp, o) => ConfigurePostgres(o, sp.GetRequiredService<NpgsqlDataSource>()).UseSealing(sp.GetRequiredService<DataKeyRing>()).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use sqlite or postgres.");
        }
        return builder;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connection) =>
        // Split queries: an incident owns several collections (clocks, assignments, runs with steps,
        // timeline); one joined query would return their cartesian product.
        options.UseSqlite(connection, o => o.MigrationsAssembly(typeof(DataSetup).Assembly.GetName().Name).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .ReplaceService<IModelCacheKeyFactory, SealedModelCacheKeyFactory>()
            .AddInterceptors(new SqlitePragmas(), new AppendOnlyTimeline());

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connection) =>
        PostgresCommon(options.UseNpgsql(connection, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));

    /// <summary>The server's contexts: on the process's one pool (<see cref="PostgresPool"/>).</summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, NpgsqlDataSource source) =>
        PostgresCommon(options.UseNpgsql(source, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));

    private static DbContextOptionsBuilder PostgresCommon(DbContextOptionsBuilder options) =>
        options.ReplaceService<IModelCacheKeyFactory, SealedModelCacheKeyFactory>().AddInterceptors(new AppendOnlyTimeline());

    /// <summary>What Identity reads from the application while building the model (its schema version), for <c>dotnet ef</c>.</summary>
    public static ServiceProvider DesignTimeServices() =>
        new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = FirebreakDbContext.IdentitySchema).BuildServiceProvider();

    /// <summary>
    /// Applies pending migrations (a new database is created on the way), then unwraps the data keys
    /// with the key-encryption key: nothing sealed is read or written before.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        var configuration = services.GetRequiredService<IConfiguration>();
        await BackUpBeforeMigratingAsync(db, configuration["Database:BackupBeforeMigrate"], services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataSetup).FullName!), CancellationToken.None);
        await MigrateAsync(db, CancellationToken.None);
        await DataKeys.UnlockAsync(db, services.GetRequiredService<KeyEncryptionKey>(), services.GetRequiredService<DataKeyRing>(),
            services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }

    /// <summary>
    /// With <c>Database:BackupBeforeMigrate</c> set to a folder, an existing SQLite database that has migrations
    /// pending is first snapshotted there (<c>firebreak-before-MIGRATION-TIMESTAMP.db</c>); a failed backup stops
    /// the start before anything changed. A new database (nothing applied yet) has nothing to keep. PostgreSQL is
    /// backed up with pg_dump by the operator (docs/operations.md): the setting only logs that it was not done.
    /// </summary>
    public static async Task<string?> BackUpBeforeMigratingAsync(DbContext db, string? folder, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(folder) || !await db.Database.CanConnectAsync(ct)) return null;
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct); // as MigrateAsync does next: asking would log a failure
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        var pending = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
        if (applied.Count == 0 || pending.Count == 0) return null;
        if (!db.Database.IsSqlite())
        {
            BackupNotTaken(logger, pending.Count);
            return null;
        }
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetFullPath(folder), $"firebreak-before-{pending[^1]}-{stamp}.db");
        await DatabaseBackup.SqliteSnapshotAsync(db.Database.GetConnectionString()!, file, ct);
        BackupTaken(logger, pending.Count, file);
        return file;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Backed up the database to {File} before applying {Count} pending migration(s)")]
    private static partial void BackupTaken(ILogger logger, int count, string file);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Database:BackupBeforeMigrate is set, but PostgreSQL is not backed up by the server: take a pg_dump before upgrading. Applying {Count} pending migration(s)")]
    private static partial void BackupNotTaken(ILogger logger, int count);

    /// <summary>
    /// Applies pending migrations. The history table is made first when missing: otherwise the
    /// PostgreSQL provider reads it before it exists and logs a failed command on every fresh install.
    /// </summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        // Asking whether it exists is what logs the failure, so it is made if not there (the script says IF NOT EXISTS).
        if (await db.Database.CanConnectAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
            // A database whose history names a migration this build does not have was made by a newer build, or by one
            // whose baseline was since regenerated: applying this build's migrations over it would fail half-way.
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database's schema history has migration(s) this build does not know ({string.Join(", ", unknown)}; this build has {string.Join(", ", known)}). " +
                    "It was made by a newer build, or by a development build whose baseline has since been regenerated. Nothing was changed: " +
                    "start the build that made it, or restore a backup made by this one (docs/operations.md, Upgrades).");
        }
        await db.Database.MigrateAsync(ct);
        await OpenIncidentCounts.EnsureAsync(db, ct);
    }

    /// <summary>firebreak.db in the data directory (by default ./data under the directory the server was started from).</summary>
    private static string DefaultSqlite(IConfiguration configuration)
    {
        var folder = DataDirectory.Resolve(configuration);
        return $"Data Source={Path.Combine(folder, "firebreak.db")};Pooling=True";
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model for migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFirebreakDbContext>
{
    public SqliteFirebreakDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteFirebreakDbContext>();
        DataSetup.ConfigureSqlite(options, "Data Source=design-time.db").UseApplicationServiceProvider(DataSetup.DesignTimeServices());
        return new SqliteFirebreakDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model for migrations (no server needed).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFirebreakDbContext>
{
    public PostgresFirebreakDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresFirebreakDbContext>();
        DataSetup.ConfigurePostgres(options, "Host=localhost;Database=firebreak_design").UseApplicationServiceProvider(DataSetup.DesignTimeServices());
        return new PostgresFirebreakDbContext(options.Options);
    }
}
