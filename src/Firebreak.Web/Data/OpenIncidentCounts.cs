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

internal sealed class OpenIncidentCountConfiguration : IEntityTypeConfiguration<OpenIncidentCount>
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
}

/// <summary>
/// The triggers that keep <see cref="OpenIncidentCount"/> rows. EF Core does not model triggers, so they are made after
/// the migrations on every start (<see cref="EnsureAsync"/>), by statements that leave existing triggers alone; the
/// first time they are made on a database that already holds incidents, the counts are taken from the incidents once,
/// in the same transaction.
/// </summary>
internal static class OpenIncidentCounts
{
    public const string Table = "OpenIncidentCounts";

    /// <summary>The stages an incident has ended in; every other stage is open.</summary>
    public static readonly IncidentStage[] Ended = [IncidentStage.Closed, IncidentStage.Rejected, IncidentStage.Duplicate];

    private static string EndedList => string.Join(", ", Ended.Select(s => $"'{s}'"));

    private const string Key = "\"ProjectId\", \"Stage\", \"Severity\", \"Kind\"";

    /// <summary>Makes the triggers if they are not there, counting what the incidents table already holds when it makes them.</summary>
    public static async Task EnsureAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Servers starting together on one PostgreSQL take turns (the lock ends with the transaction).
        if (!sqlite) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7319004711)", ct);
        var present = await db.Database.SqlQueryRaw<int>(sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'open_incident_counts%'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'open_incident_counts'").SingleAsync(ct);
        if (present > 0)
        {
            await transaction.CommitAsync(ct);
            return;
        }
        foreach (var statement in sqlite ? SqliteTriggers() : PostgresTriggers()) await db.Database.ExecuteSqlRawAsync(statement, ct);
        // Made of constants and the enum's names only: nothing here comes from outside.
        var recount = $"DELETE FROM \"{Table}\"; " +
            $"INSERT INTO \"{Table}\" ({Key}, \"Open\") SELECT {Key}, COUNT(*) FROM \"Incidents\" WHERE \"Stage\" NOT IN ({EndedList}) GROUP BY {Key}";
        await db.Database.ExecuteSqlRawAsync(recount, ct);
        await transaction.CommitAsync(ct);
    }

    private static IEnumerable<string> SqliteTriggers()
    {
        const string add = $"INSERT INTO \"{Table}\" ({Key}, \"Open\") VALUES (NEW.\"ProjectId\", NEW.\"Stage\", NEW.\"Severity\", NEW.\"Kind\", 1) " +
            "ON CONFLICT (" + Key + ") DO UPDATE SET \"Open\" = \"Open\" + 1;";
        const string remove = $"UPDATE \"{Table}\" SET \"Open\" = \"Open\" - 1 WHERE \"ProjectId\" = OLD.\"ProjectId\" AND \"Stage\" = OLD.\"Stage\" " +
            "AND \"Severity\" = OLD.\"Severity\" AND \"Kind\" = OLD.\"Kind\";";
        var ended = EndedList;
        yield return $"CREATE TRIGGER IF NOT EXISTS open_incident_counts_insert AFTER INSERT ON \"Incidents\" WHEN NEW.\"Stage\" NOT IN ({ended}) BEGIN {add} END";
        yield return $"CREATE TRIGGER IF NOT EXISTS open_incident_counts_delete AFTER DELETE ON \"Incidents\" WHEN OLD.\"Stage\" NOT IN ({ended}) BEGIN {remove} END";
        // An update moves the incident's one from its old group (if it was open) to its new one (if it is open).
        yield return "CREATE TRIGGER IF NOT EXISTS open_incident_counts_update_old AFTER UPDATE OF \"ProjectId\", \"Stage\", \"Severity\", \"Kind\" ON \"Incidents\" " +
            $"WHEN OLD.\"Stage\" NOT IN ({ended}) AND (OLD.\"ProjectId\", OLD.\"Stage\", OLD.\"Severity\", OLD.\"Kind\") IS NOT (NEW.\"ProjectId\", NEW.\"Stage\", NEW.\"Severity\", NEW.\"Kind\") " +
            $"BEGIN {remove} END";
        yield return "CREATE TRIGGER IF NOT EXISTS open_incident_counts_update_new AFTER UPDATE OF \"ProjectId\", \"Stage\", \"Severity\", \"Kind\" ON \"Incidents\" " +
            $"WHEN NEW.\"Stage\" NOT IN ({ended}) AND (OLD.\"ProjectId\", OLD.\"Stage\", OLD.\"Severity\", OLD.\"Kind\") IS NOT (NEW.\"ProjectId\", NEW.\"Stage\", NEW.\"Severity\", NEW.\"Kind\") " +
            $"BEGIN {add} END";
    }

    private static IEnumerable<string> PostgresTriggers()
    {
        var ended = EndedList;
        yield return $"""
            CREATE OR REPLACE FUNCTION open_incident_counts() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' AND (OLD."ProjectId", OLD."Stage", OLD."Severity", OLD."Kind") IS NOT DISTINCT FROM (NEW."ProjectId", NEW."Stage", NEW."Severity", NEW."Kind") THEN
                    RETURN NULL;
                END IF;
                IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."Stage" NOT IN ({ended}) THEN
                    UPDATE "{Table}" SET "Open" = "Open" - 1
                    WHERE "ProjectId" = OLD."ProjectId" AND "Stage" = OLD."Stage" AND "Severity" = OLD."Severity" AND "Kind" = OLD."Kind";
                END IF;
                IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."Stage" NOT IN ({ended}) THEN
                    INSERT INTO "{Table}" ({Key}, "Open") VALUES (NEW."ProjectId", NEW."Stage", NEW."Severity", NEW."Kind", 1)
                    ON CONFLICT ({Key}) DO UPDATE SET "Open" = "{Table}"."Open" + 1;
                END IF;
                RETURN NULL;
            END
            $fn$
            """;
        yield return "CREATE OR REPLACE TRIGGER open_incident_counts AFTER INSERT OR DELETE OR UPDATE OF \"ProjectId\", \"Stage\", \"Severity\", \"Kind\" ON \"Incidents\" " +
            "FOR EACH ROW EXECUTE FUNCTION open_incident_counts()";
    }
}
