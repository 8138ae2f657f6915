using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Wakes the mail worker as soon as a save committed new outbox messages, so mail goes out at
/// once rather than at the next poll: at the end of the save, or, for a save inside a longer
/// transaction (a unit of work), when that transaction commits — before it, the worker could not
/// see the mail yet. Losing a wake-up loses nothing: the poll finds the mail.
/// </summary>
internal sealed class MailSignal : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    // Contexts whose open transaction saved mail: woken for at its commit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbContext, bool> _waiting = new(ReferenceEqualityComparer.Instance);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { } // already awake
        }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, time, timeout.Token);
        var woken = _wake.WaitAsync(timeout.Token);
        await Task.WhenAny(delay, woken);
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfMail(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfMail(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => WakeAfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeAfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void WakeIfMail(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.State == OutboxState.Pending)) return;
        if (context.Database.CurrentTransaction is null) Wake();
        else _waiting[context] = true;
    }

    private void WakeAfterCommit(DbContext? context)
    {
        if (context is not null && _waiting.TryRemove(context, out _)) Wake();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _waiting.TryRemove(context, out _);
    }
}
