using System.Net.Http.Headers;
using Firebreak.Web.Features.Account;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>
/// The real server on a real database, with a fake clock. Subclasses choose the database; each
/// factory gets a database of its own, so test classes never see each other's data.
/// </summary>
public abstract class FirebreakFactory : WebApplicationFactory<Program>
{
    /// <summary>Every test starts at this instant unless it advances the clock.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Whether the server sends mail to the loopback SMTP server (when the test run has one).</summary>
    public bool UseSmtp { get; init; } = true;

    /// <summary>Extra configuration for this server.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Every line this server logged, at the levels its configuration lets through (tests look for what must never be logged).</summary>
    public CollectingLoggerProvider Logs { get; } = new();

    /// <summary>Stand-ins for the outside world this server gets (a DNS resolver, say), applied after its own services.</summary>
    public List<Action<IServiceCollection>> ExtraServices { get; } = [];

    /// <summary>This server's audit signing key and checkpoints, in a temporary folder of its own (deleted with the factory).</summary>
    public string AuditFolder { get; } = Path.Combine(Path.GetTempPath(), $"firebreak-audit-{Guid.NewGuid():N}");
    /// <summary>
    /// The server's data directory: its key-encryption key file (made on first start) and its Data
    /// Protection key ring. Each factory has its own, so each server seals with keys of its own.
    /// </summary>
    public virtual string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"firebreak-data-{Guid.NewGuid():N}");

    /// <summary>The key-encryption key file in <see cref="DataDirectory"/> (the default place).</summary>
    public string KeyFile => Path.Combine(DataDirectory, "keys", "firebreak.kek");

    /// <summary>The provider name given to the server (sqlite or postgres).</summary>
    protected abstract string Provider { get; }

    /// <summary>The connection string, or null when this database is not available here.</summary>
    protected abstract string? ConnectionString { get; }

    /// <summary>A client for pages: it keeps cookies and answers redirects as they come rather than following them.</summary>
    public virtual HttpClient CreatePageHttpClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Skips (locally) or fails (under CI=true) when the database is not available.</summary>
    public void RequireDatabase()
    {
        RequiredPart.Require(ConnectionString is not null, $"{Provider} is not available (set FIREBREAK_TEST_POSTGRES, or run scripts/test).", "PostgreSQL");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Firebreak", ConnectionString ?? "");
        builder.UseSetting("Firebreak:DataDirectory", DataDirectory);
        builder.UseSetting("Playbooks:Folder", Path.Combine(Path.GetTempPath(), "firebreak-no-custom-playbooks"));
        builder.UseSetting("Intake:PerAddressPerHour", "100000");
        builder.UseSetting("Security:SignInAttemptsPerAddress", "100000"); // every test signs in from the same (test server) address
        builder.UseSetting("Audit:KeyFile", Path.Combine(AuditFolder, "audit-signing-key.pem"));
        builder.UseSetting("Audit:CheckpointFolder", Path.Combine(AuditFolder, "checkpoints"));
        if (MailSink.Smtp is { } smtp && UseSmtp)
        {
            builder.UseSetting("Mail:Smtp:Host", smtp.Host);
            builder.UseSetting("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "none");
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var extra in ExtraServices) extra(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(AuditFolder)) Directory.Delete(AuditFolder, recursive: true);
        if (!KeepData && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Whether the data directory outlives this factory (a restart test opens it again).</summary>
    protected virtual bool KeepData => false;

    /// <summary>Creates an account and an API client authenticated as it.</summary>
    public async Task<(HttpClient Client, string Email)> CreateUserClientAsync(bool admin, string? email = null)
    {
        RequireDatabase();
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        string secret;
        await using (var scope = Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(email, "correct horse battery", admin);
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", CancellationToken.None);
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (client, email);
    }
}

/// <summary>The embedded default: a SQLite file of its own in a temporary folder.</summary>
public class SqliteFactory : FirebreakFactory
{
    private readonly string _file;
    private readonly bool _keepFile;

    public SqliteFactory() : this(Path.Combine(Path.GetTempPath(), $"firebreak-test-{Guid.NewGuid():N}.db"), keepFile: false) { }

    /// <summary>A factory over a given file, kept after disposal (to test that data survives a restart).</summary>
    internal SqliteFactory(string file, bool keepFile)
    {
        _file = file;
        _keepFile = keepFile;
    }

    protected override string Provider => "sqlite";

    protected override string? ConnectionString => $"Data Source={_file};Pooling=False";

    /// <summary>Next to the database file, so a factory over the same file finds the same keys.</summary>
    public override string DataDirectory => _file + ".data";

    /// <summary>The database file (its WAL is this with -wal).</summary>
    public string DatabaseFile => _file;

    protected override bool KeepData => _keepFile;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_keepFile) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }
}

/// <summary>PostgreSQL from FIREBREAK_TEST_POSTGRES, with a fresh database per factory.</summary>
public class PostgresFactory : FirebreakFactory
{
    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable("FIREBREAK_TEST_POSTGRES");
    private readonly string _database = $"firebreak_test_{Guid.NewGuid():N}";
    private readonly string? _dataDirectory;

    public PostgresFactory() { }

    /// <summary>A factory over a given database and data directory, the directory kept (to test that work survives a restart).</summary>
    internal PostgresFactory(string database, string dataDirectory)
    {
        _database = database;
        _dataDirectory = dataDirectory;
    }

    /// <summary>The database's name on the test server.</summary>
    public string Database => _database;

    public override string DataDirectory => _dataDirectory ?? base.DataDirectory;

    protected override bool KeepData => _dataDirectory is not null;

    protected override string Provider => "postgres";

    protected override string? ConnectionString => ServerConnection is null ? null
        : new Npgsql.NpgsqlConnectionStringBuilder(ServerConnection) { Database = _database }.ConnectionString;

    /// <summary>
    /// Closes the pooled connections this server left idle (Npgsql keeps them for five minutes, and
    /// two hundred test servers' worth exhaust the server's connection slots) and drops the database
    /// unless a restart test opens it again.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (ConnectionString is not { } connection || ServerConnection is null) return;
        await using (var pooled = new Npgsql.NpgsqlConnection(connection)) Npgsql.NpgsqlConnection.ClearPool(pooled);
        if (KeepData) return;
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ServerConnection) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
