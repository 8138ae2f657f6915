using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Firebreak.Web.Data;

/// <summary>Stores instants as UTC and reads them back marked UTC (SQLite keeps no kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
