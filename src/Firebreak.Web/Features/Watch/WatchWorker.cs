using Firebreak.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Features.Watch;

/// <summary>How often the watch worker asks what is due (<c>Watch:PollInterval</c>, default five minutes).</summary>
internal sealed class WatchOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The daily re-check, and the re-check after every advisory refresh: each pass asks <see cref="CheckDueManifests"/> what is due.</summary>
internal sealed class WatchWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<WatchOptions> options, ILogger<WatchWorker> logger)
    : PollingWorker(scopes, logger)
{
    protected override bool OneServerAtATime => true;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<CheckDueManifests>().ExecuteAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(options.Value.PollInterval, time, ct);
}
