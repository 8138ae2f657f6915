namespace Firebreak.Web.Data;

/// <summary>
/// Reads remembered for one batch of a writer that only adds rows, so that each item of the batch does not read them
/// again: the intake writer files every report that arrived together in one unit of work, and each report asked for
/// the project's members, chat channels and notification settings anew. Sound only because such a batch changes none
/// of what is remembered, and it runs in one transaction (nobody else's change can land in between); a unit of work
/// that changes them must not open a batch. Outside an open batch every read goes to the database. Scoped, like the
/// context whose reads it remembers; what it returns is shared within the batch and must not be changed by a caller.
/// </summary>
internal sealed class BatchReads
{
    private Dictionary<string, object>? _remembered;

    /// <summary>Remembers reads until the returned handle is disposed.</summary>
    public IDisposable Open()
    {
        _remembered = new Dictionary<string, object>(StringComparer.Ordinal);
        return new Closing(this);
    }

    /// <summary>The value read under <paramref name="key"/> earlier in the open batch, else <paramref name="read"/>'s.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read) where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_remembered is null) return await read();
        if (_remembered.TryGetValue(key, out var known)) return (T)known;
        var value = await read();
        _remembered[key] = value;
        return value;
    }

    private sealed class Closing(BatchReads reads) : IDisposable
    {
        public void Dispose() => reads._remembered = null;
    }
}
