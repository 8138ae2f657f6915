using System.Collections.Concurrent;

namespace Firebreak.Web.Infrastructure.Background;

/// <summary>What one background worker last did: when it started, its last good pass, its last failed pass and how many failed since.</summary>
internal sealed record WorkerPass(string Worker, DateTimeOffset StartedAt, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, int FailuresSince, string? LastError);

/// <summary>
/// Every <see cref="PollingWorker"/> reports its passes here, so readiness
/// can say which worker has stopped getting its work done. In memory: it describes this process only.
/// </summary>
internal sealed class WorkerPasses(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, WorkerPass> _workers = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkerPass> All => [.. _workers.Values.OrderBy(w => w.Worker, StringComparer.Ordinal)];

    public void Started(string worker) =>
        _workers.TryAdd(worker, new WorkerPass(worker, time.GetUtcNow(), null, null, 0, null));

    public void Succeeded(string worker)
    {
        var now = time.GetUtcNow();
        _workers.AddOrUpdate(worker, _ => new WorkerPass(worker, now, now, null, 0, null), (_, w) => w with { LastSuccess = now, FailuresSince = 0 });
    }

    /// <summary>Records a failed pass by the exception's type only: its message may carry what a log must not.</summary>
    public void Failed(string worker, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var name = error.GetType().Name;
        _workers.AddOrUpdate(worker, _ => new WorkerPass(worker, now, null, now, 1, name),
            (_, w) => w with { LastFailure = now, FailuresSince = w.FailuresSince + 1, LastError = name });
    }
}
