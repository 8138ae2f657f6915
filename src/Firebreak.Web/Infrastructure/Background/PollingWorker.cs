using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Background;

/// <summary>
/// The shape of every background loop here: in a fresh scope, ask the ordinary, tested use case
/// to do what is due (reported to <see cref="WorkerPasses"/> for readiness); log a failed pass (the work stays due and is tried again); wait; repeat
/// until the server stops. Subclasses say what a pass is and how to wait.
/// </summary>
internal abstract partial class PollingWorker(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>One pass: do what is due now.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Wait until the next pass (an interval, or a wake-up).</summary>
    protected abstract Task WaitAsync(CancellationToken ct);

    /// <summary>
    /// True for a job that must run on one server at a time: its passes run only on the server holding the job's
    /// lock (<see cref="JobLocks"/>), the others skip theirs. False for work that claims each row with a lease
    /// (mail, chat, CVE calls), which every server may share.
    /// </summary>
    protected virtual bool OneServerAtATime => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
        WorkerPasses? passes;
        JobLocks? locks;
        await using (var first = scopes.CreateAsyncScope())
        {
            passes = first.ServiceProvider.GetService<WorkerPasses>();
            locks = OneServerAtATime ? first.ServiceProvider.GetService<JobLocks>() : null;
        }
        passes?.Started(name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (locks is null || await locks.HoldAsync(name, stoppingToken))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                }
                passes?.Succeeded(name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                passes?.Failed(name, e);
                PassFailed(logger, name, e);
            }
            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} pass failed; its work stays due and runs at the next pass")]
    private static partial void PassFailed(ILogger logger, string worker, Exception exception);
}
