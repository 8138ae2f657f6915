using Firebreak.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Watch;

internal sealed class WatchConfiguration : IEntityTypeConfiguration<WatchedManifest>, IEntityTypeConfiguration<DependencyFinding>
{
    public void Configure(EntityTypeBuilder<WatchedManifest> manifest)
    {
        manifest.ToTable("WatchedManifests");
        manifest.HasKey(m => m.Id);
        manifest.Property(m => m.Id).ValueGeneratedNever();
        manifest.Property(m => m.Name).HasMaxLength(400);
        manifest.Property(m => m.UploadedBy).HasMaxLength(320);
        manifest.Property(m => m.CheckedIndexStamp).HasMaxLength(64);
        manifest.HasIndex(m => new { m.ProjectId, m.Name }).IsUnique();
        manifest.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DependencyFinding> finding)
    {
        finding.ToTable("DependencyFindings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.Id).ValueGeneratedNever();
        finding.Property(f => f.Key).HasMaxLength(1200);
        finding.Property(f => f.Component).HasMaxLength(1000);
        finding.Property(f => f.AdvisoryId).HasMaxLength(100);
        finding.Property(f => f.Ids).HasMaxLength(2000);
        finding.Property(f => f.Title).HasMaxLength(1000);
        finding.Property(f => f.FixedVersion).HasMaxLength(200);
        finding.Property(f => f.Severity).HasConversion<string>().HasMaxLength(16);
        finding.Property(f => f.KevCve).HasMaxLength(32);
        finding.Property(f => f.KevRansomware).HasMaxLength(32);
        finding.Property(f => f.HelpUri).HasMaxLength(2048);
        finding.Property(f => f.Suppressed).HasMaxLength(2000);
        finding.HasIndex(f => new { f.ManifestId, f.Key }).IsUnique();
        finding.HasIndex(f => new { f.ProjectId, f.ResolvedAt });
        finding.HasOne<WatchedManifest>().WithMany().HasForeignKey(f => f.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }
}
