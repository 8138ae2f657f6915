using Firebreak.Web.Features.Intake.Mail;
namespace Firebreak.Web.Features.Intake.Settings;

/// <summary>
/// A project's intake policy: whether the public report form is open, whether the acknowledgement
/// goes out at once or after a maintainer confirms, whether a report waits for the reporter to confirm their address, and the acknowledgement's Liquid template. A project without a
/// row uses <see cref="For"/>'s defaults.
/// </summary>
/// <remarks>Part of the feature's public face: the metrics' CNA-readiness report reads whether the form is open.</remarks>
[PublicFace]
internal sealed class IntakeSettings
{
    private IntakeSettings() { }

    public Guid ProjectId { get; private set; }

    public bool Accepting { get; set; } = true;

    public bool AutoAcknowledge { get; set; } = true;

    /// <summary>
    /// Hold a report until the reporter confirms their e-mail address through a link sent to it;
    /// only then does it become an incident. Reports without an address are refused while this is on.
    /// </summary>
    public bool ConfirmReporterEmail { get; set; }

    public string AcknowledgementSubject { get; set; } = DefaultTemplates.AcknowledgementSubject;

    public string AcknowledgementBody { get; set; } = DefaultTemplates.AcknowledgementBody;

    public static IntakeSettings For(Guid projectId) => new() { ProjectId = projectId };
}
