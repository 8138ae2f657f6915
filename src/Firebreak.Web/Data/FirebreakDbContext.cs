using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// The one unit of work. Provider-specific subclasses exist only so each provider keeps its own
/// migrations; the model is the same. Entity configuration lives with each feature and is picked
/// up from this assembly. Identity's context is named with every entity type because only that
/// form has the passkey table.
/// </summary>
internal abstract class FirebreakDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string, IdentityUserClaim<string>,
    IdentityUserRole<string>, IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>, IdentityUserPasskey<string>>(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    /// <summary>
    /// The Identity schema: version 3 has the passkeys table. Identity reads it from the
    /// application's options while building the model, so the server (AuthSetup) and
    /// <c>dotnet ef</c> (the design-time factories) both set it from here.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FirebreakDbContext).Assembly);
        builder.Entity<ApiToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.Hash).IsUnique();
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.Property(t => t.Role).HasConversion<string>().HasMaxLength(24);
            token.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ProjectMember>(member =>
        {
            member.HasKey(m => new { m.ProjectId, m.UserId });
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(24).HasDefaultValue(AccessRole.IncidentManager).HasSentinel((AccessRole)(-1));
            member.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<IncidentCollaborator>(collaborator =>
        {
            collaborator.HasKey(c => new { c.IncidentId, c.UserId });
            collaborator.Property(c => c.AddedBy).HasMaxLength(320);
            collaborator.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
            collaborator.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so restore it on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

internal sealed class SqliteFirebreakDbContext(DbContextOptions<SqliteFirebreakDbContext> options) : FirebreakDbContext(options);

internal sealed class PostgresFirebreakDbContext(DbContextOptions<PostgresFirebreakDbContext> options) : FirebreakDbContext(options);
