using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.CveServices;

internal sealed class CveServicesConfiguration : IEntityTypeConfiguration<CveServicesAccount>, IEntityTypeConfiguration<CveIdReservation>,
    IEntityTypeConfiguration<CveServiceCall>
{
    public void Configure(EntityTypeBuilder<CveServicesAccount> account)
    {
        account.ToTable("CveServicesAccounts");
        account.HasKey(a => a.ProjectId);
        account.Property(a => a.ProjectId).ValueGeneratedNever();
        account.Property(a => a.ShortName).HasMaxLength(CveAuthorityRequest.MaxName);
        account.Property(a => a.UserName).HasMaxLength(CveAuthorityRequest.MaxName);
        account.Property(a => a.ApiKey).HasMaxLength(2000);
        account.Property(a => a.BaseUrl).HasMaxLength(2048);
        account.Property(a => a.UpdatedBy).HasMaxLength(320);
        account.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CveIdReservation> reservation)
    {
        reservation.ToTable("CveIdReservations");
        reservation.HasKey(r => r.CveId);
        reservation.Property(r => r.CveId).HasMaxLength(40);
        reservation.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        reservation.Property(r => r.ServiceState).HasMaxLength(16);
        reservation.HasIndex(r => new { r.ProjectId, r.State });
        reservation.HasIndex(r => r.IncidentId);
        reservation.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CveServiceCall> call)
    {
        call.ToTable("CveServiceCalls");
        call.HasKey(c => c.Id);
        call.Property(c => c.Id).ValueGeneratedNever();
        call.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        call.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        call.Property(c => c.CveId).HasMaxLength(40);
        call.Property(c => c.RequestedBy).HasMaxLength(320);
        call.Property(c => c.LastError).HasMaxLength(2000);
        call.Property(c => c.Result).HasMaxLength(2000);
        call.HasIndex(c => new { c.State, c.NextAttemptAt });
        call.HasIndex(c => new { c.ProjectId, c.CreatedAt });
        call.HasIndex(c => c.IncidentId);
        call.Ignore(c => c.What);
        call.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
