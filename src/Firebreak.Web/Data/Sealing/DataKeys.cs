using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Data.Sealing;

/// <summary>
/// Creates, unwraps and rewraps the data keys (envelope encryption): each is 256 random bits, stored
/// only wrapped under the key-encryption key with AES-256-GCM. Rotating the key-encryption key rewraps
/// the data keys and touches no sealed value.
/// </summary>
internal static class DataKeys
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>
    /// Unwraps the data keys into the ring, making the first one on a new database. A rotation that wrote
    /// its next key file and committed but did not get to rename it is finished here; one that did not
    /// commit leaves a next key file that is deleted.
    /// </summary>
    public static async Task UnlockAsync(FirebreakDbContext db, KeyEncryptionKey kek, DataKeyRing ring, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kek);
        ArgumentNullException.ThrowIfNull(ring);
        var rows = await db.Set<DataKey>().AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0) rows = await CreateFirstAsync(db, kek, time, ct);
        if (TryUnwrapAll(rows, kek) is not { } keys)
        {
            if (kek.NextFile is { } next && File.Exists(next) && TryUnwrapAll(rows, KeyEncryptionKey.FromFile(next)) is { } finished)
            {
                File.Move(next, kek.File!, overwrite: true);
                keys = finished;
            }
            else
            {
                var wrong = rows.First(r => Unwrap(r, kek) is null);
                throw new InvalidOperationException(
                    $"The key-encryption key {kek.Id} (from {kek.File ?? "Firebreak:KeyEncryptionKey"}) does not open data key {wrong.Id}, which is wrapped under key {wrong.WrappedUnder}. " +
                    "Start the server with the key-encryption key this database was last rotated to (see docs/security.md, Data at rest).");
            }
        }
        else if (kek.NextFile is { } stale && File.Exists(stale))
        {
            File.Delete(stale); // a rotation that did not commit: the database still uses the current key
        }
        ring.Install(keys);
    }

    /// <summary>Rewraps every data key under <paramref name="next"/> in one transaction; the caller keeps <paramref name="next"/> safe first.</summary>
    public static async Task<int> RewrapAsync(FirebreakDbContext db, KeyEncryptionKey current, KeyEncryptionKey next, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<DataKey>().ToListAsync(ct);
        foreach (var row in rows)
        {
            var key = Unwrap(row, current) ?? throw new InvalidOperationException($"The current key-encryption key {current.Id} does not open data key {row.Id} (wrapped under {row.WrappedUnder}); nothing was changed.");
            row.Rewrap(Wrap(row.Id, key, next), next.Id, time.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    private static async Task<List<DataKey>> CreateFirstAsync(FirebreakDbContext db, KeyEncryptionKey kek, TimeProvider time, CancellationToken ct)
    {
        db.Add(new DataKey(1, Wrap(1, RandomNumberGenerator.GetBytes(32), kek), kek.Id, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server on the same database made it first: use theirs.
        }
        db.ChangeTracker.Clear();
        return await db.Set<DataKey>().AsNoTracking().ToListAsync(ct);
    }

    private static Dictionary<int, byte[]>? TryUnwrapAll(List<DataKey> rows, KeyEncryptionKey kek)
    {
        var keys = new Dictionary<int, byte[]>();
        foreach (var row in rows)
        {
            if (Unwrap(row, kek) is not { } key) return null;
            keys[row.Id] = key;
        }
        return keys;
    }

    private static byte[] Wrap(int id, byte[] key, KeyEncryptionKey kek)
    {
        var output = new byte[NonceLength + TagLength + key.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceLength));
        using var aes = new AesGcm(kek.Key, TagLength);
        aes.Encrypt(output.AsSpan(0, NonceLength), key, output.AsSpan(NonceLength + TagLength), output.AsSpan(NonceLength, TagLength), Label(id));
        return output;
    }

    private static byte[]? Unwrap(DataKey row, KeyEncryptionKey kek)
    {
        if (row.Wrapped.Length != NonceLength + TagLength + 32) return null;
        var key = new byte[32];
        try
        {
            using var aes = new AesGcm(kek.Key, TagLength);
            aes.Decrypt(row.Wrapped.AsSpan(0, NonceLength), row.Wrapped.AsSpan(NonceLength + TagLength), row.Wrapped.AsSpan(NonceLength, TagLength), key, Label(row.Id));
            return key;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Label(int id) => Encoding.UTF8.GetBytes($"firebreak data key {id}");
}
