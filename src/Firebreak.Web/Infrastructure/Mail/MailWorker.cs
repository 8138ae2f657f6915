using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// The background loop: deliver what is due, then sleep until woken by new mail or the poll
/// interval. All decisions are in <see cref="MailDelivery"/>; this only asks it when.
/// </summary>
internal sealed partial class MailWorker(IServiceScopeFactory scopes, MailSignal signal, TimeProvider time,
    IOptions<MailOptions> options, ILogger<MailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                PassFailed(e);
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail delivery pass failed; the messages stay queued")]
    private partial void PassFailed(Exception exception);
}
