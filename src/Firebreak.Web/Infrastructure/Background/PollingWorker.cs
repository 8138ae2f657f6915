namespace Firebreak.Web.Infrastructure.Background;

/// <summary>
/// The shape of every background loop here: in a fresh scope, ask the ordinary, tested use case
/// to do what is due; log a failed pass (the work stays due and is tried again); wait; repeat
/// until the server stops. Subclasses say what a pass is and how to wait.
/// </summary>
internal abstract partial class PollingWorker(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>One pass: do what is due now.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Wait until the next pass (an interval, or a wake-up).</summary>
    protected abstract Task WaitAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                PassFailed(logger, GetType().Name, e);
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
