using Firebreak.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Features.Incidents;

/// <summary>
/// One name of the vulnerability an incident is about (a CVE, GHSA, RUSTSEC, PYSEC or other OSV
/// id), unique within a project: whichever source sees a vulnerability first (the watch, a
/// webhook) opens its incident, and every later sighting under any of its names finds that one.
/// The unique key makes it hold across servers: a second opening at the same moment loses the race
/// on it and, retried, finds the first.
/// </summary>
internal sealed class IncidentAlias
{
    private IncidentAlias() { }

    public IncidentAlias(Guid projectId, string alias, Guid incidentId, DateTimeOffset now)
    {
        ProjectId = projectId;
        Alias = Normalise(alias);
        IncidentId = incidentId;
        AddedAt = now.UtcDateTime;
    }

    public Guid ProjectId { get; private set; }

    /// <summary>The id, upper case.</summary>
    public string Alias { get; private set; } = "";

    public Guid IncidentId { get; private set; }

    public DateTime AddedAt { get; private set; }

    /// <summary>Ids compare without regard to case (ghsa-… and GHSA-… are one advisory).</summary>
    public static string Normalise(string alias) => (alias ?? "").Trim().ToUpperInvariant();
}

internal sealed class IncidentAliasConfiguration : IEntityTypeConfiguration<IncidentAlias>
{
    public void Configure(EntityTypeBuilder<IncidentAlias> alias)
    {
        alias.ToTable("IncidentAliases");
        alias.HasKey(a => new { a.ProjectId, a.Alias });
        alias.Property(a => a.Alias).HasMaxLength(100);
        alias.HasIndex(a => a.IncidentId);
        alias.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
