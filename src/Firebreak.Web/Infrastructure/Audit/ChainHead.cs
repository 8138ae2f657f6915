namespace Firebreak.Web.Infrastructure.Audit;

/// <summary>The head of one chain: its last record's position (0 for an empty chain) and hash (the genesis value when empty).</summary>
internal sealed record ChainHead(string Name, long Sequence, string Hash)
{
    /// <summary>The name of the one chain today, which holds security events and every timeline entry's record.</summary>
    public const string Audit = "audit";
}
