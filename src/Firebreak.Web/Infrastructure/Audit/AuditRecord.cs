using System.Security.Cryptography;
using System.Text;

namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>
/// One link of the tamper-evident record: timeline entries and security events (sign-ins,
/// permission changes, exports, reads of embargoed incidents). Each record's hash covers its own
/// fields and the previous record's hash, so changing, removing or reordering any record breaks
/// every hash after it. Records are created unsealed and sealed by <see cref="AuditChain"/> at save.
/// </summary>
internal sealed class AuditRecord
{
    private AuditRecord() { }

    public AuditRecord(DateTimeOffset at, string actor, string action, string subject, string detail)
    {
        Id = Guid.CreateVersion7(at);
        // Whole milliseconds: both databases keep them exactly, so the hash can be recomputed from what is stored.
        At = new DateTime(at.UtcDateTime.Ticks - at.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
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
        Hash = ComputeHash();
    }

    /// <summary>The hash the record's stored fields give; each field is length-prefixed so no two records share an input.</summary>
    public string ComputeHash()
    {
        var text = new StringBuilder();
        foreach (var field in new[] { Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (At.Ticks / TimeSpan.TicksPerMillisecond).ToString(System.Globalization.CultureInfo.InvariantCulture), Actor, Action, Subject, Detail, PreviousHash })
        {
            text.Append(field.Length).Append(':').Append(field).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Clip(string? text, int max)
    {
        text ??= "";
        return text.Length <= max ? text : text[..max];
    }
}
