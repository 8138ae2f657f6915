using Firebreak.Web.Data.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Integrations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<ProjectIntegration>, IEntityTypeConfiguration<HookDelivery>
{
    public void Configure(EntityTypeBuilder<ProjectIntegration> integration)
    {
        integration.ToTable("ProjectIntegrations");
        integration.HasKey(i => i.ProjectId);
        integration.Property(i => i.Version).IsConcurrencyToken();
        integration.Property(i => i.GitHubSecret).HasMaxLength(2000);
        integration.Property(i => i.GenericSecret).HasMaxLength(2000);
        integration.Property(i => i.GitHubSecretSetBy).HasMaxLength(320);
        integration.Property(i => i.GenericSecretSetBy).HasMaxLength(320);
        integration.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HookDelivery> delivery)
    {
        delivery.ToTable("HookDeliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Source).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.DeliveryId).HasMaxLength(HookDelivery.MaxDeliveryId);
        delivery.Property(d => d.Event).HasMaxLength(HookDelivery.MaxName);
        delivery.Property(d => d.Action).HasMaxLength(HookDelivery.MaxName);
        delivery.Property(d => d.Verdict).Sealed();
        // A replayed delivery, or the same one posted twice at once, finds this key taken.
        delivery.HasIndex(d => new { d.ProjectId, d.Source, d.DeliveryId }).IsUnique();
        delivery.HasIndex(d => new { d.ProjectId, d.ReceivedAt });
        delivery.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne<Firebreak.Domain.Incidents.Incident>().WithMany().HasForeignKey(d => d.IncidentId).OnDelete(DeleteBehavior.SetNull);
    }
}
