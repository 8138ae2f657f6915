namespace Firebreak.Domain.Disclosure;

/// <summary>The dates of an advisory's life, all UTC instants; null while a step has not happened.</summary>
/// <param name="Reported">When the report arrived.</param>
/// <param name="Acknowledged">When the reporter was told it was received.</param>
/// <param name="Triaged">When severity and scope were settled.</param>
/// <param name="Fixed">When the fix was released.</param>
/// <param name="Published">When the advisory was disclosed publicly.</param>
/// <param name="Modified">When the advisory last changed; defaults to the latest other date.</param>
/// <param name="Withdrawn">When the advisory was withdrawn (OSV's <c>withdrawn</c>), if it was.</param>
public sealed record AdvisoryTimeline(
    DateTimeOffset? Reported = null, DateTimeOffset? Acknowledged = null, DateTimeOffset? Triaged = null,
    DateTimeOffset? Fixed = null, DateTimeOffset? Published = null, DateTimeOffset? Modified = null, DateTimeOffset? Withdrawn = null)
{
    /// <summary>The modification date, or the latest date known.</summary>
    public DateTimeOffset? LastModified => Modified ?? new[] { Withdrawn, Published, Fixed, Triaged, Acknowledged, Reported }.Max();
}
