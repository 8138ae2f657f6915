using System.Threading.Channels;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Telemetry;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Where checked reports wait for the <see cref="IntakeWriter"/>, which files the reports that
/// arrived together in one transaction (one commit, one flush to disk) and answers each reporter
/// only after that commit. A reporter is never told a report arrived before it is durable.
/// </summary>
internal sealed class IntakeQueue(FirebreakMetrics metrics)
{
    private readonly Channel<Filing> _waiting = Channel.CreateBounded<Filing>(new BoundedChannelOptions(4096)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues the report and waits for its commit; a server shutting down answers busy (nothing kept).</summary>
    public async Task<ReportReceipt> FileAsync(Filing filing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filing);
        try
        {
            await _waiting.Writer.WriteAsync(filing, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new ServiceBusyException(e);
        }
        // Once queued it is filed even if the reporter stops waiting: the answer then only tells them.
        var receipt = await filing.Receipt.WaitAsync(ct);
        metrics.ReportAccepted();
        return receipt;
    }

    /// <summary>Waits for the next report; false once the queue is closed and empty.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken ct) => _waiting.Reader.WaitToReadAsync(ct);

    /// <summary>Moves up to <paramref name="max"/> waiting reports into <paramref name="batch"/>, oldest first.</summary>
    public void Take(List<Filing> batch, int max)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (batch.Count < max && _waiting.Reader.TryRead(out var filing)) batch.Add(filing);
    }

    /// <summary>Refuses new reports; those already waiting are still filed or answered.</summary>
    public void Close() => _waiting.Writer.TryComplete();
}
