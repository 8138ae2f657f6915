using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Files the reports waiting in the <see cref="IntakeQueue"/>: everything that arrived together (up
/// to <see cref="MaxBatch"/>) in one unit of work on one long-lived connection, so a burst costs one
/// commit and its pages stay in that connection's cache. Each reporter's request is answered after
/// the commit. If the batch fails, each report is filed again on its own, so one report a rule
/// refuses (a project that stopped accepting a moment ago) never takes the others down with it.
/// </summary>
internal sealed partial class IntakeWriter(IntakeQueue queue, IServiceScopeFactory scopes, ILogger<IntakeWriter> logger) : BackgroundService
{
    public const int MaxBatch = 64;

    private AsyncServiceScope? _scope; // the long-lived connection's, replaced after a batch that failed

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RunWriterAsync(MaxBatch, FileBatchAsync, (filing, failure) => filing.Failed(failure), stoppingToken);
        }
        finally
        {
            if (_scope is { } open) await open.DisposeAsync();
        }
    }

    private async Task FileBatchAsync(List<Filing> batch, CancellationToken ct)
    {
        if (_scope is null)
        {
            _scope = scopes.CreateAsyncScope();
            await _scope.Value.ServiceProvider.GetRequiredService<FirebreakDbContext>().Database.OpenConnectionAsync(ct);
        }
        if (!await FileAsync(_scope.Value.ServiceProvider, batch, ct))
        {
            await _scope.Value.DisposeAsync(); // start the next batch on a fresh connection
            _scope = null;
        }
    }

    /// <summary>Files the batch; false when something failed (the scope is then not reused).</summary>
    private async Task<bool> FileAsync(IServiceProvider services, List<Filing> batch, CancellationToken ct)
    {
        var db = services.GetRequiredService<FirebreakDbContext>();
        db.ChangeTracker.Clear();
        try
        {
            var receipts = await FileTogetherAsync(services, batch, ct);
            for (var i = 0; i < batch.Count; i++) batch[i].Filed(receipts[i]);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (batch.Count == 1)
            {
                batch[0].Failed(e);
                if (e is not DomainException) FilingFailed(e);
                return e is DomainException;
            }
            BatchFailed(batch.Count, e);
            foreach (var filing in batch)
            {
                db.ChangeTracker.Clear();
                try
                {
                    filing.Filed((await FileTogetherAsync(services, [filing], ct))[0]);
                }
                catch (Exception alone) when (alone is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    filing.Failed(alone);
                }
            }
            return false;
        }
    }

    private static Task<List<ReportReceipt>> FileTogetherAsync(IServiceProvider services, List<Filing> batch, CancellationToken ct)
    {
        var file = services.GetRequiredService<FileReport>();
        var reads = services.GetRequiredService<BatchReads>();
        return services.GetRequiredService<UnitOfWork>().RunAsync(async c =>
        {
            // Filing reports changes no member, chat channel or notification setting: each is read once for the batch.
            using var remembered = reads.Open();
            var receipts = new List<ReportReceipt>(batch.Count);
            foreach (var f in batch) receipts.Add(await file.ExecuteAsync(f.Project, f.Settings, f.Draft, f.Source, f.BaseUrl, f.Files, null, c));
            return receipts;
        }, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing {Count} reports together failed; filing each alone")]
    private partial void BatchFailed(int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing a report failed")]
    private partial void FilingFailed(Exception exception);
}
