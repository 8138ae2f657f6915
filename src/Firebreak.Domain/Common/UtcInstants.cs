namespace Firebreak.Domain.Common;

/// <summary>
/// Entities keep instants as UTC <see cref="DateTime"/> values (what both databases compare in SQL);
/// computations take <see cref="DateTimeOffset"/>. This is the one conversion between the two.
/// </summary>
public static class UtcInstants
{
    /// <summary>The stored UTC value as an instant at offset zero (a value whose kind was lost in storage is read as UTC).</summary>
    public static DateTimeOffset AsInstant(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
