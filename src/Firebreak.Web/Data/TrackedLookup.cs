using Firebreak.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// Looks among the entities a context already tracks without first scanning all of them for changes.
/// <c>DbSet.Local</c> (and <c>ChangeTracker.Entries</c>) run change detection over every tracked entity
/// on each call; the intake writer files a whole batch of reports in one unit of work and each report
/// asks several such questions (was this notice told, this mail queued, this alias seen), so a batch of
/// N reports cost N² entity scans — a fifth of the server's CPU under load. The questions are about
/// values set before the entity was added (keys, dedup keys, channel ids), which change detection
/// cannot alter, so they are answered from the tracked entities of that type alone.
/// </summary>
internal static class TrackedLookup
{
    /// <summary>The tracked, not deleted entities of <typeparamref name="T"/> that <paramref name="match"/> accepts.</summary>
    public static List<T> TrackedWhere<T>(this DbContext db, Func<T, bool> match) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(match);
        return db.WithoutScan(() => db.Set<T>().Local.Where(match).ToList());
    }

    /// <summary>Whether any tracked, not deleted entity of <typeparamref name="T"/> matches.</summary>
    public static bool TracksAny<T>(this DbContext db, Func<T, bool> match) where T : class => db.TrackedWhere(match).Count > 0;

    /// <summary>
    /// Whether <paramref name="key"/> names an incident this unit of work is adding (its id written in the key), so that
    /// no stored row can carry it: an id that did not exist before this unit of work cannot be in a key saved before it.
    /// A dedup check on such a key (the notice "opened" for a report being filed, its acknowledgement, its mails) need
    /// not ask the database. A key that does not show the id (one shortened to a hash) is not recognised and is checked.
    /// </summary>
    public static bool NamesIncidentAddedHere(this DbContext db, Guid? incidentId, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        return incidentId is { } id && key.Contains(id.ToString(), StringComparison.Ordinal) && db.IsIncidentAddedHere(id);
    }

    /// <summary>Whether the incident <paramref name="id"/> is being added by this unit of work (not yet saved).</summary>
    public static bool IsIncidentAddedHere(this DbContext db, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WithoutScan(() => db.Set<Incident>().Local.FindEntry(id) is { State: EntityState.Added });
    }

    private static TResult WithoutScan<TResult>(this DbContext db, Func<TResult> look)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return look();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
