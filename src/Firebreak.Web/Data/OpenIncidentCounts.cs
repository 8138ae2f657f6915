using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firebreak.Web.Data;

/// <summary>
/// How many open incidents a project has of one stage, severity and kind. The dashboard counts from these rows instead
/// of counting incidents, so its counts cost the same at a hundred incidents as at a hundred thousand.
/// </summary>
/// <remarks>
/// The rows are kept by triggers on the incidents table (<see cref="OpenIncidentCounts"/>), inside the statement that
/// changes an incident: no write path can forget them (a unit of work, a bulk statement, a script that inserts
/// straight into the database), a rolled-back change takes its count back with it, and concurrent writers each add
/// their one by an atomic upsert. The application only reads them.
/// </remarks>
internal sealed class OpenIncidentCount
{
    public Guid ProjectId { get; private set; }
    public IncidentStage Stage { get; private set; }
    public Severity Severity { get; private set; }
    public IncidentKind Kind { get; private set; }

    /// <summary>How many; a group whose last incident closed stays at 0.</summary>
    public int Open { get; private set; }
}

/// <summary>What an open incident's deadline day counts as (<see cref="OpenIncidentDay"/>).</summary>
internal static class DeadlineEvent
{
    /// <summary>The day its <c>BreachAt</c> falls on, for an incident with no clock running (breached by a clock stopped late).</summary>
    public const string Breach = "breach";

    /// <summary>The day its <c>BreachAt</c> falls on, for an incident with a clock running.</summary>
    public const string BreachRunning = "breach-running";

    /// <summary>The day its <c>AtRiskFrom</c> falls on.</summary>
    public const string Risk = "risk";
}

/// <summary>
/// How many open incidents of a project, severity and kind become breached (or at risk) on one day (UTC), kept by the
/// same triggers. Breached by an instant is every earlier day's count plus the incidents of that instant's own day counted
/// one by one, which costs a day of deadlines, not every incident; at risk is "at risk or breached by then" less "breached
/// by then with a clock running" (<c>Incident.AtRiskFrom</c>).
/// </summary>
internal sealed class OpenIncidentDay
{
    public Guid ProjectId { get; private set; }
    public Severity Severity { get; private set; }
    public IncidentKind Kind { get; private set; }

    /// <summary>The day, as <c>yyyy-MM-dd</c> (so that days compare as text).</summary>
    public string Day { get; private set; } = "";

    /// <summary>A <see cref="DeadlineEvent"/>.</summary>
    public string Event { get; private set; } = "";

    public int Open { get; private set; }
}

internal sealed class OpenIncidentCountConfiguration : IEntityTypeConfiguration<OpenIncidentCount>, IEntityTypeConfiguration<OpenIncidentDay>
{
    public void Configure(EntityTypeBuilder<OpenIncidentCount> count)
    {
        count.ToTable(OpenIncidentCounts.Table);
        count.HasKey(c => new { c.ProjectId, c.Stage, c.Severity, c.Kind });
        // Stored as the incidents table stores them (the enum's name), so the triggers copy the incident's values as they are.
        count.Property(c => c.Stage).HasConversion<string>().HasMaxLength(32);
        count.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        count.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        count.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OpenIncidentDay> day)
    {
        day.ToTable(OpenIncidentCounts.DayTable);
        day.HasKey(c => new { c.ProjectId, c.Severity, c.Kind, c.Event, c.Day });
        day.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        day.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        day.Property(c => c.Event).HasMaxLength(16);
        day.Property(c => c.Day).HasMaxLength(10);
        day.HasIndex(c => new { c.Event, c.Day });
        day.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The triggers that keep <see cref="OpenIncidentCount"/> and <see cref="OpenIncidentDay"/> rows. EF Core does not model
/// triggers, so they are made after the migrations on every start (<see cref="EnsureAsync"/>) when this version of them is
/// missing (an older version is dropped first); when it makes them it counts what the incidents table holds, in the same
/// transaction.
/// </summary>
internal static class OpenIncidentCounts
{
    public const string Table = "OpenIncidentCounts";
    public const string DayTable = "OpenIncidentDays";

    /// <summary>The name every trigger of this version starts with; a change to the triggers changes it.</summary>
    private const string Version = "open_incident_counts_v2";

    /// <summary>The stages an incident has ended in; every other stage is open.</summary>
    public static readonly IncidentStage[] Ended = [IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate];

    /// <summary>The day (UTC) of an instant, as the day rows hold it.</summary>
    public static string DayOf(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string EndedList => string.Join(", ", Ended.Select(s => $"'{s}'"));

    private const string Key = "\"ProjectId\", \"Stage\", \"Severity\", \"Kind\"";
    private const string DayKey = "\"ProjectId\", \"Severity\", \"Kind\", \"Event\", \"Day\"";
    private const string Tracked = "\"ProjectId\", \"Stage\", \"Severity\", \"Kind\", \"BreachAt\", \"AtRiskFrom\"";

    private static string Day(bool sqlite, string instant) => sqlite ? $"substr({instant}, 1, 10)" : $"to_char({instant} AT TIME ZONE 'UTC', 'YYYY-MM-DD')";

    private static string BreachEvent(string row) =>
        $"CASE WHEN {row}.\"AtRiskFrom\" IS NULL THEN '{DeadlineEvent.Breach}' ELSE '{DeadlineEvent.BreachRunning}' END";

    /// <summary>Makes the triggers if this version of them is not there, counting what the incidents table already holds when it makes them.</summary>
    public static async Task EnsureAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Servers starting together on one PostgreSQL take turns (the lock ends with the transaction).
        if (!sqlite) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7319004711)", ct);
        var names = await db.Database.SqlQueryRaw<string>(sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'open_incident_counts%'"
            : "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'open_incident_counts%'").ToListAsync(ct);
        if (names.Count > 0 && names.All(n => n.StartsWith(Version, StringComparison.Ordinal)))
        {
            await transaction.CommitAsync(ct);
            return;
        }
        var statements = names.Select(n => sqlite ? $"DROP TRIGGER \"{n}\"" : $"DROP TRIGGER \"{n}\" ON \"Incidents\"")
            .Concat(sqlite ? SqliteTriggers() : PostgresTriggers())
            .Concat(Recount(sqlite));
        foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The rows counted afresh from the incidents (made of constants and the enum's names only: nothing here comes from outside).</summary>
    private static IEnumerable<string> Recount(bool sqlite)
    {
        var open = $"\"Stage\" NOT IN ({EndedList})";
        var breachDay = Day(sqlite, "\"BreachAt\"");
        var riskDay = Day(sqlite, "\"AtRiskFrom\"");
        var breachEvent = BreachEvent("\"Incidents\"");
        yield return $"DELETE FROM \"{Table}\"";
        yield return $"DELETE FROM \"{DayTable}\"";
        yield return $"INSERT INTO \"{Table}\" ({Key}, \"Open\") SELECT {Key}, COUNT(*) FROM \"Incidents\" WHERE {open} GROUP BY {Key}";
        yield return $"INSERT INTO \"{DayTable}\" ({DayKey}, \"Open\") SELECT \"ProjectId\", \"Severity\", \"Kind\", {breachEvent}, {breachDay}, COUNT(*) " +
            $"FROM \"Incidents\" WHERE {open} AND \"BreachAt\" IS NOT NULL GROUP BY \"ProjectId\", \"Severity\", \"Kind\", {breachEvent}, {breachDay}";
        yield return $"INSERT INTO \"{DayTable}\" ({DayKey}, \"Open\") SELECT \"ProjectId\", \"Severity\", \"Kind\", '{DeadlineEvent.Risk}', {riskDay}, COUNT(*) " +
            $"FROM \"Incidents\" WHERE {open} AND \"AtRiskFrom\" IS NOT NULL GROUP BY \"ProjectId\", \"Severity\", \"Kind\", {riskDay}";
    }

    /// <summary>The statements that add (<paramref name="delta"/> 1) or take away (-1) one incident row's counts; <paramref name="row"/> is NEW or OLD.</summary>
    private static IEnumerable<string> Changes(bool sqlite, string row, int delta)
    {
        var sign = delta > 0 ? "+ 1" : "- 1";
        var table = sqlite ? "" : $"\"{Table}\".";
        var dayTable = sqlite ? "" : $"\"{DayTable}\".";
        yield return $"INSERT INTO \"{Table}\" ({Key}, \"Open\") VALUES ({row}.\"ProjectId\", {row}.\"Stage\", {row}.\"Severity\", {row}.\"Kind\", {delta}) " +
            $"ON CONFLICT ({Key}) DO UPDATE SET \"Open\" = {table}\"Open\" {sign}";
        yield return $"INSERT INTO \"{DayTable}\" ({DayKey}, \"Open\") SELECT {row}.\"ProjectId\", {row}.\"Severity\", {row}.\"Kind\", {BreachEvent(row)}, " +
            $"{Day(sqlite, row + ".\"BreachAt\"")}, {delta} WHERE {row}.\"BreachAt\" IS NOT NULL ON CONFLICT ({DayKey}) DO UPDATE SET \"Open\" = {dayTable}\"Open\" {sign}";
        yield return $"INSERT INTO \"{DayTable}\" ({DayKey}, \"Open\") SELECT {row}.\"ProjectId\", {row}.\"Severity\", {row}.\"Kind\", '{DeadlineEvent.Risk}', " +
            $"{Day(sqlite, row + ".\"AtRiskFrom\"")}, {delta} WHERE {row}.\"AtRiskFrom\" IS NOT NULL ON CONFLICT ({DayKey}) DO UPDATE SET \"Open\" = {dayTable}\"Open\" {sign}";
    }

    private static string Columns(string row) => string.Join(", ", Tracked.Split(", ").Select(c => $"{row}.{c}"));

    private static IEnumerable<string> SqliteTriggers()
    {
        var ended = EndedList;
        string Body(string row, int delta) => string.Concat(Changes(true, row, delta).Select(s => s + "; "));
        var changed = $"({Columns("OLD")}) IS NOT ({Columns("NEW")})";
        yield return $"CREATE TRIGGER {Version}_insert AFTER INSERT ON \"Incidents\" WHEN NEW.\"Stage\" NOT IN ({ended}) BEGIN {Body("NEW", 1)}END";
        yield return $"CREATE TRIGGER {Version}_delete AFTER DELETE ON \"Incidents\" WHEN OLD.\"Stage\" NOT IN ({ended}) BEGIN {Body("OLD", -1)}END";
        // An update takes the incident's counts from its old groups (if it was open) and adds them to its new ones (if it is open).
        yield return $"CREATE TRIGGER {Version}_update_old AFTER UPDATE OF {Tracked} ON \"Incidents\" " +
            $"WHEN OLD.\"Stage\" NOT IN ({ended}) AND {changed} BEGIN {Body("OLD", -1)}END";
        yield return $"CREATE TRIGGER {Version}_update_new AFTER UPDATE OF {Tracked} ON \"Incidents\" " +
            $"WHEN NEW.\"Stage\" NOT IN ({ended}) AND {changed} BEGIN {Body("NEW", 1)}END";
    }

    private static IEnumerable<string> PostgresTriggers()
    {
        var ended = EndedList;
        string Body(string row, int delta) => string.Concat(Changes(false, row, delta).Select(s => "        " + s + ";\n"));
        yield return $"""
            CREATE OR REPLACE FUNCTION {Version}() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' AND ({Columns("OLD")}) IS NOT DISTINCT FROM ({Columns("NEW")}) THEN
                    RETURN NULL;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Stage" NOT IN ({ended}) THEN
            {Body("OLD", -1)}    END IF;
                IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Stage" NOT IN ({ended}) THEN
            {Body("NEW", 1)}    END IF;
                RETURN NULL;
            END
            $fn$
            """;
        yield return $"CREATE TRIGGER {Version} AFTER INSERT OR DELETE OR UPDATE OF {Tracked} ON \"Incidents\" FOR EACH ROW EXECUTE FUNCTION {Version}()";
    }
}
