using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Features.Intake.Attachments;
using Firebreak.Web.Features.Intake.Confirmation;
using Firebreak.Web.Features.Intake.Portal;
using Firebreak.Web.Features.Intake.Settings;
using Firebreak.Web.Features.Intake.Threads;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Firebreak.Web.Data.Sealing;

namespace Firebreak.Web.Features.Intake;

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<IntakeSettings>, IEntityTypeConfiguration<ReporterLink>,
    IEntityTypeConfiguration<ReportMessage>, IEntityTypeConfiguration<ReportAttachment>, IEntityTypeConfiguration<HeldReport>
{
    public void Configure(EntityTypeBuilder<IntakeSettings> settings)
    {
        settings.HasKey(s => s.ProjectId);
        settings.Property(s => s.AcknowledgementSubject).HasMaxLength(400);
        settings.HasOne<Project>().WithOne().HasForeignKey<IntakeSettings>(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReporterLink> link)
    {
        link.ToTable("ReporterLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.Id).ValueGeneratedNever();
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.IncidentId);
        link.Ignore(l => l.IsActive);
        link.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportMessage> message)
    {
        message.ToTable("ReportMessages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.Author).HasMaxLength(320);
        message.Property(m => m.Body).Sealed();
        message.HasIndex(m => new { m.IncidentId, m.Sequence }).IsUnique();
        message.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportAttachment> attachment)
    {
        attachment.ToTable("ReportAttachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.FileName).Sealed();
        attachment.Property(a => a.Content).Sealed();
        attachment.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.UploadedBy).HasMaxLength(320);
        attachment.HasIndex(a => a.IncidentId);
        attachment.HasIndex(a => a.HeldReportId);
        attachment.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        attachment.HasOne<HeldReport>().WithMany().HasForeignKey(a => a.HeldReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HeldReport> held)
    {
        held.ToTable("HeldReports");
        held.HasKey(h => h.Id);
        held.Property(h => h.Id).ValueGeneratedNever();
        held.Property(h => h.TokenHash).HasMaxLength(64);
        held.HasIndex(h => h.TokenHash).IsUnique();
        held.HasIndex(h => new { h.ProjectId, h.ReceivedAt });
        held.Property(h => h.Contact).Sealed();
        held.Property(h => h.Credit).HasMaxLength(32);
        held.Property(h => h.CreditName).HasMaxLength(200);
        held.Property(h => h.Title).Sealed();
        held.Property(h => h.Description).Sealed();
        held.Property(h => h.AffectedVersions).Sealed();
        held.Property(h => h.ConfirmedAt).IsConcurrencyToken();
        held.Property(h => h.Source).HasConversion<string>().HasMaxLength(16);
        held.HasOne<Project>().WithMany().HasForeignKey(h => h.ProjectId).OnDelete(DeleteBehavior.Cascade);
        held.HasOne<Incident>().WithMany().HasForeignKey(h => h.IncidentId).OnDelete(DeleteBehavior.SetNull);
    }
}
