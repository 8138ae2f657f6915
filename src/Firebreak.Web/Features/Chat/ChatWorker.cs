using Firebreak.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Chat;

/// <summary>Sends due chat deliveries, then sleeps until new ones wake it or the poll interval passes.</summary>
internal sealed class ChatWorker(IServiceScopeFactory scopes, ChatSignal signal, TimeProvider time, IOptions<ChatOptions> options,
    ILogger<ChatWorker> logger) : PollingWorker(scopes, logger)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SendChatDeliveries>().DeliverDueAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitAsync(options.Value.PollInterval, time, ct);
}
