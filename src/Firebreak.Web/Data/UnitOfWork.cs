namespace Firebreak.Web.Data;

/// <summary>
/// Runs a piece of work as one transaction holding the <see cref="WriteGate"/>, and runs it again
/// from scratch (change tracker cleared, after a short random pause) when it loses a race with
/// another writer (<see cref="LostRace"/>). The work must therefore read what it changes inside
/// the delegate. After <see cref="Attempts"/> lost races it gives up with a
/// <see cref="ServiceBusyException"/>; nothing of the work is kept.
/// </summary>
internal sealed class UnitOfWork(FirebreakDbContext db, WriteGate gate)
{
    public const int Attempts = 8;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Inside another unit of work: its transaction, its gate and its retries.
        if (db.Database.CurrentTransaction is not null) return await work(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OnceAsync(work, ct);
            }
            catch (Exception e) when (LostRace.Is(e))
            {
                db.ChangeTracker.Clear();
                if (attempt == Attempts) throw new ServiceBusyException(e);
                await Pause(attempt, ct);
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(async c => { await work(c); return true; }, ct);

    private async Task<T> OnceAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await gate.EnterAsync(db, ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None); // said out loud, so the interceptors hear it
                throw;
            }
        }
        finally
        {
            gate.Exit(db);
        }
    }

    /// <summary>A random pause that grows with the attempt (up to 5, 10, 20, … 160 ms), so racing writers spread out.</summary>
    public static Task Pause(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << Math.Min(attempt, 5))), ct);
}
