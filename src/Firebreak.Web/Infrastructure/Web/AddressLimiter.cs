using System.Threading.RateLimiting;
using Firebreak.Web.Infrastructure.Errors;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// At most a number of requests per window from one client address, for one purpose, in memory on
/// each server. Counted once per request, so a request run again after a lost race
/// (<see cref="LostRaceRetry"/>) is not counted twice. Past the limit: <see cref="TooManyRequestsException"/> (429).
/// </summary>
internal sealed class AddressLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public AddressLimiter(int permits, TimeSpan window)
    {
        _window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 }));
    }

    /// <summary>Takes one permit for <paramref name="what"/> from the caller's address, or throws.</summary>
    public void Take(HttpContext context, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryAdd($"{nameof(AddressLimiter)}:{what}", true)) return;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire($"{what}:{address}");
        if (!lease.IsAcquired) throw new TooManyRequestsException($"Too many {what} requests from your address; try again later.", _window);
    }

    public void Dispose() => _limiter.Dispose();
}
