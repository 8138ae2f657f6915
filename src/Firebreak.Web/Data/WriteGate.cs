using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data;

/// <summary>
/// The process's one writer at a time for audited changes and numbered openings. SQLite has a
/// single writer anyway, and its busy wait polls; queueing here first means a writer waits in
/// order and wakes the moment the gate is free, and that nobody holds the database's write lock
/// while waiting for the gate (the order is always gate, then transaction). Re-entrant per
/// context: a unit of work that holds it may save as often as it likes.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<DbContext, int> _depth = new(ReferenceEqualityComparer.Instance);

    /// <summary>Enters for <paramref name="context"/> (at once if it already holds the gate).</summary>
    public async Task EnterAsync(DbContext context, CancellationToken ct)
    {
        if (_depth.TryGetValue(context, out var depth))
        {
            _depth[context] = depth + 1;
            return;
        }
        await _gate.WaitAsync(ct);
        _depth[context] = 1;
    }

    /// <summary>The synchronous form of <see cref="EnterAsync"/>, for synchronous saves.</summary>
    public void Enter(DbContext context)
    {
        if (_depth.TryGetValue(context, out var depth))
        {
            _depth[context] = depth + 1;
            return;
        }
        _gate.Wait();
        _depth[context] = 1;
    }

    /// <summary>Leaves once; the gate opens when the context has left as often as it entered. Leaving without holding is ignored.</summary>
    public void Exit(DbContext context)
    {
        if (!_depth.TryGetValue(context, out var depth)) return;
        if (depth > 1)
        {
            _depth[context] = depth - 1;
            return;
        }
        _depth.TryRemove(context, out _);
        _gate.Release();
    }

    public void Dispose() => _gate.Dispose();
}
