using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// Seals the audit records of a save into the chain, inside the same save: new timeline entries
/// become records, pending security events are sealed, and the whole save commits or fails
/// together — a change whose audit entry cannot be written does not commit. Saves that touch the
/// chain hold the process's <see cref="WriteGate"/> (a unit of work may already hold it); a second
/// server racing for the same position loses on the unique sequence, and its change is retried
/// from scratch (<see cref="LostRace"/>), never half-written.
/// </summary>
internal sealed class AuditChain(WriteGate gate) : SaveChangesInterceptor
{
    // The save's hooks run on different async flows, so which saves entered the gate is tracked per context.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbContext, bool> _holders = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Pending(eventData.Context) is { } context)
        {
            gate.Enter(context);
            _holders[context] = true;
            try
            {
                Seal(context, Head(context));
            }
            catch
            {
                Release(context);
                throw;
            }
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Pending(eventData.Context) is { } context)
        {
            await gate.EnterAsync(context, cancellationToken);
            _holders[context] = true;
            try
            {
                Seal(context, await context.Set<AuditRecord>().OrderByDescending(r => r.Sequence)
                    .Select(r => new ValueTuple<long, string>(r.Sequence, r.Hash)).FirstOrDefaultAsync(cancellationToken));
            }
            catch
            {
                Release(context);
                throw;
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unseal(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unseal(eventData.Context);
        return Task.CompletedTask;
    }

    // A lost optimistic-concurrency race is reported here, not through SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Unseal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Unseal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Unseal(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Unseal(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The context when this save has anything for the chain: new timeline entries or unsealed records.</summary>
    private static DbContext? Pending(DbContext? context) =>
        context is not null && (context.ChangeTracker.Entries<TimelineEntry>().Any(e => e.State == EntityState.Added)
            || context.ChangeTracker.Entries<AuditRecord>().Any(e => e.State == EntityState.Added && !e.Entity.IsSealed)) ? context : null;

    private static (long, string) Head(DbContext context) =>
        context.Set<AuditRecord>().OrderByDescending(r => r.Sequence).Select(r => new ValueTuple<long, string>(r.Sequence, r.Hash)).FirstOrDefault();

    private static void Seal(DbContext context, (long Sequence, string Hash) head)
    {
        var (sequence, hash) = head.Sequence == 0 ? (0L, AuditRecord.Genesis) : head;
        foreach (var entry in context.ChangeTracker.Entries<TimelineEntry>().Where(e => e.State == EntityState.Added).OrderBy(e => e.Entity.At).ThenBy(e => e.Entity.Sequence).ToList())
        {
            // Stored in whole microseconds, which both databases keep exactly, so the entry's digest can be recomputed to the tick.
            var at = entry.Property(e => e.At);
            at.CurrentValue = CanonicalEncoding.ToMicroseconds(at.CurrentValue);
            context.Add(AuditRecords.ForTimeline(entry.Entity));
        }
        foreach (var record in context.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added && !e.Entity.IsSealed).Select(e => e.Entity).ToList())
        {
            record.Seal(++sequence, hash);
            hash = record.Hash;
        }
    }

    /// <summary>A failed save leaves its records unsaved; they are detached so a retry seals afresh.</summary>
    private void Unseal(DbContext? context)
    {
        if (context is not null)
        {
            foreach (var entry in context.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
        }
        Release(context);
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _)) gate.Exit(context);
    }
}
