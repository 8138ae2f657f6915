using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Watch;

/// <summary>How often the watch worker asks what is due (<c>Watch:PollInterval</c>, default five minutes).</summary>
internal sealed class WatchOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The daily re-check, and the re-check after every advisory refresh: the loop only asks
/// <see cref="CheckDueManifests"/> what is due, then sleeps.
/// </summary>
internal sealed partial class WatchWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<WatchOptions> options, ILogger<WatchWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CheckDueManifests>().ExecuteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                PassFailed(logger, e);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Watch pass failed; it runs again at the next interval")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
