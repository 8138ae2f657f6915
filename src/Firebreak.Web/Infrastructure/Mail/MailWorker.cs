using Firebreak.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>Delivers what is due, then sleeps until new mail wakes it or the poll interval passes.</summary>
internal sealed class MailWorker(IServiceScopeFactory scopes, MailSignal signal, TimeProvider time,
    IOptions<MailOptions> options, ILogger<MailWorker> logger) : PollingWorker(scopes, logger)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<MailDelivery>().DeliverDueAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitAsync(options.Value.PollInterval, time, ct);
}
