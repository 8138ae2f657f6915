namespace Firebreak.Web.Data;

/// <summary>
/// A write lost its race every time it was tried: answered with 503 and Retry-After (the caller
/// may send the same request again; nothing of it was kept), never with a 409 they cannot act on.
/// </summary>
internal sealed class ServiceBusyException(Exception lastAttempt)
    : Exception("The server is too busy to store this right now; nothing was kept. Send it again in a moment.", lastAttempt)
{
    /// <summary>How long the caller should wait before sending it again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
}
