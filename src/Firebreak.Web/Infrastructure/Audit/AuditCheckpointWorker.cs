using Firebreak.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// At start (which creates the signing key on first start) and then every
/// <see cref="AuditOptions.CheckpointMinutes"/>, takes a checkpoint when the chain moved since the
/// last one. 0 minutes turns the periodic checkpoint off; <c>admin audit-checkpoint</c> still works.
/// </summary>
internal sealed partial class AuditCheckpointWorker(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time,
    ILogger<AuditCheckpointWorker> logger) : PollingWorker(scopes, logger)
{
    protected override bool OneServerAtATime => true;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await services.GetRequiredService<TakeCheckpoint>().ExecuteAsync(onlyWhenMoved: true, ct);
        if (outcome.Problem is { } problem) Refused(logger, problem);
        else if (outcome.File is { } file) Written(logger, file);
    }

    protected override Task WaitAsync(CancellationToken ct) => options.Value.CheckpointMinutes > 0
        ? Task.Delay(TimeSpan.FromMinutes(options.Value.CheckpointMinutes), time, ct)
        : Task.Delay(Timeout.InfiniteTimeSpan, ct);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit checkpoint refused: {Problem}")]
    private static partial void Refused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written: {File}")]
    private static partial void Written(ILogger logger, string file);
}
