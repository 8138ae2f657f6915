using System.Text.Json;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>, IEntityTypeConfiguration<TimelineEntry>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Incident> incident)
    {
        // Identifiers are made by the domain (version-7 GUIDs), never by the database; this also
        // tells EF that a new timeline entry found on a loaded incident is an insert.
        incident.HasKey(i => i.Id);
        incident.Property(i => i.Id).ValueGeneratedNever();
        incident.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        incident.HasIndex(i => new { i.ProjectId, i.Number }).IsUnique();
        incident.HasIndex(i => new { i.ProjectId, i.Stage });
        incident.HasIndex(i => new { i.ProjectId, i.ClosedAt }); // a project's recently closed incidents
        incident.HasIndex(i => new { i.ProjectId, i.Kind, i.OpenedAt }); // the intake's per-project rate: a range, not a scan of every incident
        // The clock summary (computed by the incident from its clocks, written on every save, never read back) lets the
        // dashboard page open incidents nearest deadline first through an index and count them per stage, severity and
        // clock state without loading them: a request costs the same at a hundred incidents as at a hundred thousand.
        incident.Property(i => i.NextDueAt);
        incident.Property(i => i.BreachAt);
        incident.Property(i => i.AtRiskAt);
        incident.Property(i => i.AtRiskFrom);
        incident.HasIndex(i => new { i.NextDueAt, i.Number, i.Id }); // the dashboard's order: a page is read off it, nothing sorted
        incident.HasIndex(i => new { i.ProjectId, i.NextDueAt });
        // The breached and at-risk counts are ranges of these (what is breached or at risk, not every incident), their filters
        // answered from the index; the second also gives the alarm pass its batches in order without reading a row.
        incident.HasIndex(i => new { i.BreachAt, i.Id, i.Stage, i.Severity, i.Kind, i.ProjectId });
        incident.HasIndex(i => new { i.AtRiskAt, i.Id, i.Stage, i.BreachAt, i.Severity, i.Kind, i.ProjectId });
        incident.HasIndex(i => new { i.AtRiskFrom, i.Stage, i.Severity, i.Kind, i.ProjectId }); // the dashboard's "at risk since today"
        incident.Property(i => i.Version).IsConcurrencyToken();
        incident.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        incident.Property(i => i.Stage).HasConversion<string>().HasMaxLength(32);
        incident.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        incident.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
        incident.Property(i => i.RequestedSeverity).HasConversion<string>().HasMaxLength(16);
        incident.Property(i => i.Title).Sealed();
        incident.Property(i => i.Summary).Sealed();
        incident.Property(i => i.UserSafetyClass).HasMaxLength(64);
        incident.Property(i => i.SeverityReason).HasMaxLength(300);
        incident.Property(i => i.Details).HasConversion(
            d => JsonSerializer.Serialize(DetailsDocument.From(d), Json),
            // A sealed value altered in the database opens as a sentence, not JSON: the details then read as empty
            // (the page says the row failed its integrity check through the other sealed fields) rather than a crash.
            s => (s == DataKeyRing.Unreadable ? DetailsDocument.Empty : JsonSerializer.Deserialize<DetailsDocument>(s, Json) ?? DetailsDocument.Empty).ToDetails(),
            new ValueComparer<IncidentDetails>((a, b) => a!.Describe(b!).Count == 0, d => d.GetHashCode(), d => d)).Sealed();
        incident.OwnsOne(i => i.Reporter, reporter =>
        {
            reporter.Property(r => r.Contact).HasColumnName("ReporterContact").Sealed();
            reporter.Property(r => r.Preference).HasColumnName("ReporterCredit").HasConversion<string>().HasMaxLength(16);
            reporter.Property(r => r.CreditName).HasColumnName("ReporterCreditName").Sealed();
            reporter.Property(r => r.Consent).HasColumnName("ReporterConsent");
            reporter.Ignore(r => r.CreditLine);
        });
        incident.OwnsMany(i => i.ClockRecords, clock =>
        {
            clock.ToTable("IncidentClocks");
            clock.WithOwner().HasForeignKey("IncidentId");
            clock.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            clock.HasKey("IncidentId", nameof(ClockRecord.Kind));
            clock.HasIndex(c => c.DueAt);
        });
        incident.Navigation(i => i.ClockRecords).HasField("_clocks").UsePropertyAccessMode(PropertyAccessMode.Field);
        incident.OwnsMany(i => i.Assignments, assignment =>
        {
            assignment.ToTable("IncidentAssignments");
            assignment.WithOwner().HasForeignKey("IncidentId");
            assignment.Property(a => a.Role).HasConversion(r => r.Name, s => Role.Parse(s, "stored role")).HasMaxLength(Role.MaxLength);
            assignment.Property(a => a.Person).HasMaxLength(200);
            assignment.HasKey("IncidentId", nameof(Assignment.Role));
        });
        incident.Navigation(i => i.Assignments).HasField("_assignments").UsePropertyAccessMode(PropertyAccessMode.Field);
        incident.HasMany(i => i.Timeline).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Restrict);
        incident.Navigation(i => i.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        // The playbook runs, with their steps, are one JSON document in the incident's row: they are
        // read and written with the incident, nothing queries a run or a step on its own, and opening an
        // incident writes one row instead of one per run and per step.
        incident.OwnsMany(i => i.Runs, run =>
        {
            run.ToJson("Runs");
            run.Property(r => r.PlaybookId).HasMaxLength(64);
            run.Property(r => r.EndReason).HasMaxLength(300);
            run.Ignore(r => r.IsFinished);
            run.Ignore(r => r.FirstCompletedAt);
            run.OwnsMany(r => r.Steps, step =>
            {
                step.Property(s => s.StepId).HasMaxLength(64);
                step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
                step.Property(s => s.Actor).HasMaxLength(320);
                step.Property(s => s.Reason).HasMaxLength(2000);
                step.Property(s => s.DecisionOptionId).HasMaxLength(64);
                step.Ignore(s => s.Evidence);
            });
            run.Navigation(r => r.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        incident.Navigation(i => i.Runs).HasField("_runs").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Fix releases, like the runs, are read and written with the incident and never queried on their own.
        incident.OwnsMany(i => i.Releases, release =>
        {
            release.ToJson("Releases");
            release.Property(r => r.Url).HasMaxLength(FixRelease.MaxUrlLength);
            release.Property(r => r.ProvenanceUrl).HasMaxLength(FixRelease.MaxUrlLength);
            release.Property(r => r.RecordedBy).HasMaxLength(320);
        });
        incident.Navigation(i => i.Releases).HasField("_releases").UsePropertyAccessMode(PropertyAccessMode.Field);
        incident.Ignore(i => i.FixedAt);
        incident.Ignore(i => i.ReleasedVersions);
        incident.Ignore(i => i.ActiveRun);
        incident.Ignore(i => i.Clocks);
        incident.Ignore(i => i.NearestRunningClock);
        incident.Ignore(i => i.IsClosed);
        incident.Ignore(i => i.PendingSteps);
    }

    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.HasKey(t => t.Id);
        entry.Property(t => t.Id).ValueGeneratedNever();
        entry.HasIndex(t => new { t.IncidentId, t.Sequence }).IsUnique();
        entry.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        entry.Property(t => t.Actor).HasMaxLength(320);
        // What happened can quote embargoed text (a severity reason, a step's note): sealed like the report itself.
        entry.Property(t => t.Text).Sealed();
    }
}
