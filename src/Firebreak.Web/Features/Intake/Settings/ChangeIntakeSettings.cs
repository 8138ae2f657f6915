using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Features.Intake.Mail;
using Firebreak.Web.Infrastructure.Templates;

namespace Firebreak.Web.Features.Intake.Settings;

/// <summary>Body of <c>PUT /api/v1/projects/{slug}/intake</c> and the settings form; absent fields keep their value.</summary>
internal sealed record IntakeSettingsJson(bool? Accepting, bool? AutoAcknowledge, string? AcknowledgementSubject, string? AcknowledgementBody,
    bool? ConfirmReporterEmail = null)
{
    public static IntakeSettingsJson From(IntakeSettings s) =>
        new(s.Accepting, s.AutoAcknowledge, s.AcknowledgementSubject, s.AcknowledgementBody, s.ConfirmReporterEmail);
}

/// <summary>A rendered preview of the acknowledgement, with sample report values.</summary>
internal sealed record AcknowledgementPreview(string Subject, string Body);

/// <summary>
/// Changes a project's intake settings. Templates are parsed and rendered against a sample report
/// before anything is saved, so a template that would fail at the moment a report arrives is
/// refused now, with Liquid's own message.
/// </summary>
internal sealed class ChangeIntakeSettings(FirebreakDbContext db, LiquidTemplates templates, TimeProvider time)
{
    public async Task<IntakeSettings> ExecuteAsync(Project project, IntakeSettingsJson change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var settings = await db.Set<IntakeSettings>().FindAsync([project.Id], ct);
        if (settings is null)
        {
            settings = IntakeSettings.For(project.Id);
            db.Add(settings);
        }
        var subject = change.AcknowledgementSubject ?? settings.AcknowledgementSubject;
        var body = change.AcknowledgementBody ?? settings.AcknowledgementBody;
        await PreviewAsync(project, subject, body);
        if (change.Accepting is { } accepting) settings.Accepting = accepting;
        if (change.AutoAcknowledge is { } auto) settings.AutoAcknowledge = auto;
        if (change.ConfirmReporterEmail is { } confirm) settings.ConfirmReporterEmail = confirm;
        settings.AcknowledgementSubject = subject.Trim();
        settings.AcknowledgementBody = body;
        await db.SaveChangesAsync(ct);
        return settings;
    }

    /// <summary>Renders the templates for a sample report, or throws a <see cref="DomainException"/> saying what is wrong.</summary>
    public async Task<AcknowledgementPreview> PreviewAsync(Project project, string? subject, string? body)
    {
        if (LiquidTemplates.Check(subject) is { } subjectError) throw new DomainException($"Acknowledgement subject: {subjectError}");
        if (subject!.Length > 400) throw new DomainException("Acknowledgement subject: longer than 400 characters.");
        if (LiquidTemplates.Check(body) is { } bodyError) throw new DomainException($"Acknowledgement body: {bodyError}");
        var sample = Incident.Open(project.Id, 1, IncidentKind.VulnerabilityReport, "Sample: panic wipe leaves the key on disk", null,
            Severity.High, null, new Reporter("reporter@example.org", CreditPreference.Handle, "@sample-finder", true), project.Policy, "preview", time.GetUtcNow());
        var values = ReportMail.Values(project, sample, "https://firebreak.example/r/SAMPLE-LINK", null);
        return new AcknowledgementPreview(await templates.RenderAsync(subject, values), await templates.RenderAsync(body!, values));
    }
}
