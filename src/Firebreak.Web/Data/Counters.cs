using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>Hands out the next number of a project's sequence (<see cref="ProjectCounter"/>).</summary>
internal static class Counters
{
    /// <summary>Incident numbers: #1, #2, … per project.</summary>
    public const string Incident = "incident";

    /// <summary>Risk register entries: RISK-001, RISK-002, … per project.</summary>
    public const string Risk = "risk";

    /// <summary>
    /// The next number, taken by one upsert in the caller's transaction (which must be open: the
    /// number is only the caller's if the rest of its work commits with it). On PostgreSQL the row
    /// stays locked until that commit, so two servers never hand out the same number; on SQLite
    /// the transaction holds the file's write lock.
    /// </summary>
    public static async Task<long> NextAsync(this FirebreakDbContext db, Guid projectId, string name, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A number is taken inside the transaction that uses it.");
        var numbers = await db.Database.SqlQuery<long>($"""
            INSERT INTO "ProjectCounters" ("ProjectId", "Name", "Last") VALUES ({projectId}, {name}, 1)
            ON CONFLICT ("ProjectId", "Name") DO UPDATE SET "Last" = "ProjectCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return numbers[0];
    }

    /// <summary>
    /// Moves a sequence up to at least <paramref name="number"/> (never down), in the caller's transaction: a number
    /// given from outside (an imported register's RISK-007) is then never handed out again by <see cref="NextAsync"/>.
    /// </summary>
    public static async Task RaiseAsync(this FirebreakDbContext db, Guid projectId, string name, long number, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A sequence is raised inside the transaction that uses the number.");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProjectCounters" ("ProjectId", "Name", "Last") VALUES ({projectId}, {name}, {number})
            ON CONFLICT ("ProjectId", "Name") DO UPDATE SET "Last" = CASE WHEN "ProjectCounters"."Last" < {number} THEN {number} ELSE "ProjectCounters"."Last" END
            """, ct);
    }
}
