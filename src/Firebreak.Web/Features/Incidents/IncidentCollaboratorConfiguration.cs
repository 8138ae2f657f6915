using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Incidents;

internal sealed class IncidentCollaboratorConfiguration : IEntityTypeConfiguration<IncidentCollaborator>
{
    public void Configure(EntityTypeBuilder<IncidentCollaborator> collaborator)
    {
        collaborator.HasKey(c => new { c.IncidentId, c.UserId });
        collaborator.Property(c => c.AddedBy).HasMaxLength(320);
        collaborator.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
        collaborator.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
