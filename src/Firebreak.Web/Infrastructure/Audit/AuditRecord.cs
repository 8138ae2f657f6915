using Firebreak.Domain.Common;
namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// One link of the tamper-evident record: timeline entries and security events (sign-ins,
/// permission changes, exports, reads of embargoed incidents). Each record's hash covers its own
/// fields (the actor and the instant included) and the previous record's hash, so changing, removing or reordering any record breaks
/// every hash after it. Records are created unsealed and sealed by <see cref="AuditChain"/> at save.
/// </summary>
internal sealed class AuditRecord
{
    private AuditRecord() { }

    public AuditRecord(DateTimeOffset at, string actor, string action, string subject, string detail, string entryDigest = "")
    {
        Id = Guid.CreateVersion7(at);
        // Whole microseconds: both databases keep them exactly, so the hash can be recomputed from what is stored.
        At = CanonicalEncoding.ToMicroseconds(at.UtcDateTime);
        EntryDigest = entryDigest;
        Actor = Clip(actor, 320);
        Action = Clip(action, 64);
        Subject = Clip(subject, 200);
        Detail = Clip(detail, 20_000);
    }

    /// <summary>Row identity (unsealed records have no position yet).</summary>
    public Guid Id { get; private set; }

    /// <summary>Position in the chain, from 1; assigned when sealed, unique.</summary>
    public long Sequence { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>What happened: <c>timeline</c>, <c>sign-in</c>, <c>sign-in-failed</c>, <c>member-role</c>, <c>incident-read</c>, …</summary>
    public string Action { get; private set; } = "";

    /// <summary>What it happened to (an incident, a timeline entry, an account).</summary>
    public string Subject { get; private set; } = "";

    public string Detail { get; private set; } = "";

    /// <summary>
    /// For a record of another table's row (a timeline entry): the SHA-256 of that row's canonical
    /// encoding (<see cref="AuditRecords.TimelineDigest"/>), so every field of the row is chained; empty otherwise.
    /// </summary>
    public string EntryDigest { get; private set; } = "";

    /// <summary>Which encoding <see cref="Hash"/> was computed with; a later encoding gets a new number and old records keep theirs.</summary>
    public int HashFormat { get; private set; } = CurrentFormat;

    public const int CurrentFormat = 1;

    /// <summary>Lower-case hex SHA-256 of the previous record (64 zeros for the first).</summary>
    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public bool IsSealed => Hash.Length > 0;

    public void Seal(long sequence, string previousHash)
    {
        if (IsSealed) throw new InvalidOperationException("An audit record is sealed once.");
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash() ?? throw new InvalidOperationException($"Unknown audit hash format {HashFormat}.");
    }

    /// <summary>
    /// The hash the record's stored fields give: every column but the hash itself, in the canonical
    /// encoding of its <see cref="HashFormat"/>; null for a format this version does not know.
    /// </summary>
    public string? ComputeHash() => HashFormat switch
    {
        1 => CanonicalEncoding.Of("firebreak-audit-record/1").Add(Id).Add(Sequence).Add(At).Add(Actor).Add(Action).Add(Subject)
            .Add(Detail).Add(EntryDigest).Add(PreviousHash).Sha256(),
        _ => null,
    };

    private static string Clip(string? text, int max)
    {
        text ??= "";
        return text.Length <= max ? text : text[..max];
    }
}
