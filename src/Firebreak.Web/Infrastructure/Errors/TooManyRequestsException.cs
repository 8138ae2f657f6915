namespace Firebreak.Web.Infrastructure.Errors;

/// <summary>A caller went over a rate limit: answered with 429 and Retry-After, never a 500.</summary>
internal sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
