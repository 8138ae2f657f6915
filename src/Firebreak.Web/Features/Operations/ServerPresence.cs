using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Operations;

/// <summary>
/// While a server runs on a SQLite file it holds an exclusive lock on <c>FILE.server-lock</c>, so <c>admin restore</c>
/// can tell that replacing the file now would pull it from under a running server. The operating system drops the
/// lock when the process ends, however it ends. Admin commands do not start it (they run before the server starts).
/// </summary>
internal sealed partial class ServerPresence(IServiceScopeFactory scopes, ILogger<ServerPresence> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockFile(string databaseFile) => databaseFile + ".server-lock";

    /// <summary>Whether a server holds the lock of this database file now.</summary>
    public static bool IsHeld(string databaseFile)
    {
        try
        {
            using var probe = new FileStream(LockFile(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        if (!db.Database.IsSqlite()) return;
        var file = DatabaseBackup.SqliteFile(db.Database.GetConnectionString()!);
        try
        {
            _lock = new FileStream(LockFile(file), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            AlreadyHeld(logger, file);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another process holds the server lock of {File}: admin restore cannot tell this server is running")]
    private static partial void AlreadyHeld(ILogger logger, string file);
}
