using Firebreak.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Infrastructure.Mail;

/// <summary>
/// Puts messages in the outbox inside the caller's unit of work: nothing is written until the
/// caller saves, so a message exists exactly when the change that caused it committed.
/// </summary>
internal sealed class Outbox(FirebreakDbContext db, TimeProvider time)
{
    /// <summary>Adds the draft unless a message with the same key is already queued or sent; true when added.</summary>
    public async Task<bool> EnqueueAsync(MailDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.To)) return false;
        draft = draft with { DedupKey = StoredKey(draft.DedupKey) };
        var messages = db.Set<OutboxMessage>();
        if (db.TracksAny<OutboxMessage>(m => m.DedupKey == draft.DedupKey)) return false;
        if (!db.NamesIncidentAddedHere(draft.IncidentId, draft.DedupKey) && await messages.AnyAsync(m => m.DedupKey == draft.DedupKey, ct)) return false;
        messages.Add(new OutboxMessage(draft, time.GetUtcNow()));
        return true;
    }

    /// <summary>The key as stored: itself up to 200 characters, else its first 135 and the SHA-256 of the whole (a long address stays unique).</summary>
    public static string StoredKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length <= MaxKey) return key;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return $"{key[..135]}:{hash}";
    }

    private const int MaxKey = 200;
}
