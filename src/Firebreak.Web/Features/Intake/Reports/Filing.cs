using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Settings;

namespace Firebreak.Web.Features.Intake.Reports;

/// <summary>A checked report waiting in the <see cref="IntakeQueue"/> to be filed, and the reporter's request waiting for its receipt.</summary>
internal sealed record Filing(Project Project, IntakeSettings Settings, ReportDraft Draft, IncidentSource Source, string BaseUrl,
    IReadOnlyList<AcceptedAttachment> Files)
{
    private readonly TaskCompletionSource<ReportReceipt> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the report's commit did (with its receipt) or when it could not be filed (with why).</summary>
    public Task<ReportReceipt> Receipt => _done.Task;

    public void Filed(ReportReceipt receipt) => _done.TrySetResult(receipt);

    public void Failed(Exception reason) => _done.TrySetException(reason);
}
