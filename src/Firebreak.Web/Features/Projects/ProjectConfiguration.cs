using Firebreak.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.HasKey(p => p.Id);
        project.Property(p => p.Id).ValueGeneratedNever();
        project.HasIndex(p => p.Slug).IsUnique();
        project.Property(p => p.Slug).HasMaxLength(63);
        project.Property(p => p.Name).HasMaxLength(120);
        project.Property(p => p.RepositoryUrl).HasMaxLength(2048);
        project.Property(p => p.CveAuthority).HasConversion<string>().HasMaxLength(16);
        project.Property<List<string>>("_securityContacts").HasColumnName("SecurityContacts");
        project.Ignore(p => p.SecurityContacts);
        project.Property<List<string>>("_packages").HasColumnName("Packages");
        project.Ignore(p => p.Packages);
        project.Property(p => p.Policy)
            .HasConversion(p => PolicyDocument.Serialize(p), s => PolicyDocument.Deserialize(s),
                new ValueComparer<SecurityPolicy>((a, b) => PolicyDocument.Serialize(a!) == PolicyDocument.Serialize(b!),
                    p => PolicyDocument.Serialize(p).GetHashCode(StringComparison.Ordinal), p => p));
    }
}
