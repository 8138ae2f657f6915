using Firebreak.Domain.Incidents;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data.Sealing;
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
        SealedColumns.Apply(builder, this.SealingRing());
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
