using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Data;

/// <summary>
/// The last number handed out in one of a project's sequences (incidents #1, #2, …; later advisory
/// and risk ids). One row per project and sequence, moved forward by a single atomic statement
/// inside the writer's transaction, so concurrent writers each get the next number and none is
/// refused. A rolled-back transaction takes its number back with it: the numbers stay dense.
/// </summary>
internal sealed class ProjectCounter
{
    public Guid ProjectId { get; private set; }

    /// <summary>The sequence's name (<see cref="Counters"/>).</summary>
    public string Name { get; private set; } = "";

    /// <summary>The last number handed out; the next is one more.</summary>
    public long Last { get; private set; }
}

internal sealed class ProjectCounterConfiguration : IEntityTypeConfiguration<ProjectCounter>
{
    public void Configure(EntityTypeBuilder<ProjectCounter> counter)
    {
        counter.ToTable("ProjectCounters");
        counter.HasKey(c => new { c.ProjectId, c.Name });
        counter.Property(c => c.Name).HasMaxLength(32);
        counter.HasOne<Firebreak.Domain.Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
