using Firebreak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// Wakes the chat worker when a save committed pending deliveries: at the end of a save outside a transaction, or at
/// the commit of the transaction the save was in (before it the worker could not see them). A lost wake-up loses
/// nothing: the poll finds them.
/// </summary>
internal sealed class ChatSignal : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        if (_wake.CurrentCount > 0) return;
        try { _wake.Release(); }
        catch (SemaphoreFullException) { } // already awake
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(interval, time, timeout.Token), _wake.WaitAsync(timeout.Token));
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfPending(eventData.Context, afterCommit: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData.Context, afterCommit: false);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        WakeIfPending(eventData.Context, afterCommit: true);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData.Context, afterCommit: true);
        return Task.CompletedTask;
    }

    private void WakeIfPending(DbContext? context, bool afterCommit)
    {
        if (context is null || (!afterCommit && context.Database.CurrentTransaction is not null)) return;
        // The test button makes its own first attempt; waking the worker for it would only race that attempt.
        if (context.ChangeTracker.Entries<ChatDelivery>().Any(e => e.Entity.State == ChatDeliveryState.Pending && e.Entity.EventKind != NotificationEvents.Test)) Wake();
    }
}
