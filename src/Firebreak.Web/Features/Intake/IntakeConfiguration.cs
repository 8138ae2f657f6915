using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Intake;

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<IntakeSettings>, IEntityTypeConfiguration<ReporterLink>,
    IEntityTypeConfiguration<ReportMessage>
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
        message.HasIndex(m => new { m.IncidentId, m.Sequence }).IsUnique();
        message.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
