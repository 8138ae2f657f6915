using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Wakes the mail worker as soon as a save committed new outbox messages, so mail goes out at
/// once rather than at the next poll. Losing a wake-up loses nothing: the poll finds the mail.
/// </summary>
internal sealed class MailSignal : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

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

    private void WakeIfMail(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.State == OutboxState.Pending)) Wake();
    }
}
