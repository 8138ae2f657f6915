using Firebreak.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Firebreak.Web.Data.Sealing;

namespace Firebreak.Web.Features.Disclosure;

internal sealed class AdvisoryPublicationConfiguration : IEntityTypeConfiguration<AdvisoryPublication>
{
    public void Configure(EntityTypeBuilder<AdvisoryPublication> advisory)
    {
        advisory.ToTable("IncidentAdvisories");
        advisory.HasKey(a => a.IncidentId);
        advisory.Property(a => a.Version).IsConcurrencyToken();
        advisory.Property(a => a.AdvisoryId).HasMaxLength(100);
        advisory.Property(a => a.Document).Sealed();
        advisory.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        advisory.Property(a => a.UpdatedBy).HasMaxLength(320);
        advisory.Property(a => a.ReviewRequestedBy).HasMaxLength(320);
        advisory.Property(a => a.ApprovedBy).HasMaxLength(320);
        advisory.Property(a => a.WithdrawnReason).HasMaxLength(1000);
        advisory.Property(a => a.ReviewedDocument).Sealed();
        advisory.Property(a => a.ReturnedBy).HasMaxLength(320);
        advisory.Property(a => a.ReturnedReason).Sealed();
        advisory.HasIndex(a => new { a.ProjectId, a.AdvisoryId }).IsUnique();
        advisory.HasIndex(a => new { a.State, a.PublishAt });
        advisory.HasOne<Firebreak.Domain.Incidents.Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        advisory.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisclosureSettingsConfiguration : IEntityTypeConfiguration<DisclosureSettings>
{
    public void Configure(EntityTypeBuilder<DisclosureSettings> settings)
    {
        settings.ToTable("DisclosureSettings");
        settings.HasKey(s => s.ProjectId);
        settings.Property(s => s.PrivateNoticeSubject).HasMaxLength(DisclosureSettings.MaxSubject);
        settings.Property(s => s.AnnouncementSubject).HasMaxLength(DisclosureSettings.MaxSubject);
        settings.Property(s => s.ChangelogLine).HasMaxLength(DisclosureSettings.MaxSubject);
        settings.Property(s => s.OsvPrefix).HasMaxLength(34);
        settings.Ignore(s => s.OsvDatabase);
        settings.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
