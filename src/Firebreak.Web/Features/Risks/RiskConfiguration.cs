using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Domain.Risks;
using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Risks;

/// <summary>
/// The register's table. The free text (title, asset, threat, mitigations) is sealed like an incident's: an open risk
/// describes a weakness not yet dealt with. Status, categories (a bit mask), scores and names stay plain, so the
/// register filters, counts and sorts in SQL.
/// </summary>
internal sealed class RiskConfiguration : IEntityTypeConfiguration<RiskEntry>
{
    public void Configure(EntityTypeBuilder<RiskEntry> risk)
    {
        risk.ToTable("RiskEntries");
        risk.HasKey(r => r.Id);
        risk.Property(r => r.Id).ValueGeneratedNever();
        risk.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        risk.HasIndex(r => new { r.ProjectId, r.Number }).IsUnique();
        risk.HasIndex(r => new { r.ProjectId, r.Status });
        risk.Property(r => r.Version).IsConcurrencyToken();
        risk.Property(r => r.Title).Sealed();
        risk.Property(r => r.Asset).Sealed();
        risk.Property(r => r.Threat).Sealed();
        risk.Property(r => r.Mitigations).Sealed();
        risk.Property(r => r.Owner).HasMaxLength(RiskFields.MaxLine);
        risk.Property(r => r.AcceptedBy).HasMaxLength(RiskFields.MaxLine);
        risk.Property(r => r.TransferredTo).HasMaxLength(RiskFields.MaxLine);
        risk.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        risk.Property(r => r.CreatedBy).HasMaxLength(320);
        risk.Property(r => r.UpdatedBy).HasMaxLength(320);
        risk.OwnsMany(r => r.Incidents, link =>
        {
            link.ToTable("RiskIncidents");
            link.WithOwner().HasForeignKey("RiskEntryId");
            link.HasKey("RiskEntryId", nameof(RiskIncidentLink.IncidentId));
            link.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.IncidentId);
        });
        risk.Navigation(r => r.Incidents).HasField("_incidents").UsePropertyAccessMode(PropertyAccessMode.Field);
        risk.Ignore(r => r.Code);
        risk.Ignore(r => r.Fields);
        risk.Ignore(r => r.ReviewDueAt);
    }
}
