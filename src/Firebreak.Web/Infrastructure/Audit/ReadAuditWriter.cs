using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// Commits the read records waiting in <see cref="ReadAudit"/>: all that arrived together (up to
/// <see cref="MaxBatch"/>) in one save, which <see cref="AuditChain"/> seals in order under the write gate.
/// Each waiting reader is released after that commit. A save that loses a race (another server took the
/// chain's next position, or the database was busy) is made again from fresh records, as a unit of work is;
/// any other failure is handed to every reader of the batch, who then answer an error rather than a page
/// whose read went unrecorded.
/// </summary>
internal sealed partial class ReadAuditWriter(ReadAudit queue, IServiceScopeFactory scopes, ILogger<ReadAuditWriter> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        queue.RunWriterAsync(MaxBatch, CommitAsync, (read, failure) => read.Committed.TrySetException(failure), stoppingToken);

    private async Task CommitAsync(List<PendingRead> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FirebreakDbContext>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var read in batch) db.Add(read.ToRecord());
                await db.SaveChangesAsync(ct);
                foreach (var read in batch) read.Committed.TrySetResult();
                return;
            }
            catch (Exception e) when (LostRace.Is(e) && attempt < UnitOfWork.Attempts)
            {
                db.ChangeTracker.Clear();
                await UnitOfWork.Pause(attempt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                CommitFailed(batch.Count, e);
                var failure = LostRace.Is(e) ? new ServiceBusyException(e) : e;
                foreach (var read in batch) read.Committed.TrySetException(failure);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing {Count} read audit records failed; their readers get an error")]
    private partial void CommitFailed(int count, Exception exception);
}
