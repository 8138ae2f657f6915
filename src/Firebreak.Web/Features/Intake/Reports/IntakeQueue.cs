using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Telemetry;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>
/// Where checked reports wait for the <see cref="IntakeWriter"/>, which files the reports that
/// arrived together in one transaction (one commit, one flush to disk) and answers each reporter
/// only after that commit. A reporter is never told a report arrived before it is durable.
/// </summary>
internal sealed class IntakeQueue(FirebreakMetrics metrics) : GroupCommitQueue<Filing>(4096)
{
    /// <summary>Queues the report and waits for its commit; a server shutting down answers busy (nothing kept).</summary>
    public async Task<ReportReceipt> FileAsync(Filing filing, CancellationToken ct)
    {
        await EnqueueAsync(filing, ct);
        // Once queued it is filed even if the reporter stops waiting: the answer then only tells them.
        var receipt = await filing.Receipt.WaitAsync(ct);
        metrics.ReportAccepted();
        return receipt;
    }
}
