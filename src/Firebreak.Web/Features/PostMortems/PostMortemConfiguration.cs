using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.PostMortems;

/// <summary>
/// Post-mortems (one row per incident, the written content sealed like the incident's summary) and action items (their
/// title and reason sealed: written while a vulnerability may still be embargoed).
/// </summary>
internal sealed class PostMortemConfiguration : IEntityTypeConfiguration<PostMortem>, IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<PostMortem> postMortem)
    {
        postMortem.ToTable("PostMortems");
        postMortem.HasKey(p => p.IncidentId);
        postMortem.Property(p => p.IncidentId).ValueGeneratedNever();
        postMortem.Property(p => p.Version).IsConcurrencyToken();
        postMortem.Property(p => p.Document).Sealed();
        postMortem.Property(p => p.UpdatedBy).HasMaxLength(320);
        postMortem.Property(p => p.SignedOffBy).HasMaxLength(320);
        postMortem.Ignore(p => p.Content);
        postMortem.Ignore(p => p.IsSignedOff);
        postMortem.HasIndex(p => p.ProjectId);
        postMortem.HasOne<Incident>().WithOne().HasForeignKey<PostMortem>(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        postMortem.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActionItem> item)
    {
        item.ToTable("ActionItems");
        item.HasKey(a => a.Id);
        item.Property(a => a.Id).ValueGeneratedNever();
        item.Property(a => a.Version).IsConcurrencyToken();
        item.Property(a => a.Title).Sealed();
        item.Property(a => a.Reason).Sealed();
        item.Property(a => a.OwnerId).HasMaxLength(450);
        item.Property(a => a.Link).HasMaxLength(FixRelease.MaxUrlLength);
        item.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        item.Property(a => a.CreatedBy).HasMaxLength(320);
        item.Ignore(a => a.Clock);
        item.HasIndex(a => new { a.IncidentId, a.CreatedAt });
        item.HasIndex(a => new { a.ProjectId, a.Status, a.DueAt });
        item.HasIndex(a => new { a.OwnerId, a.Status, a.DueAt });
        item.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
