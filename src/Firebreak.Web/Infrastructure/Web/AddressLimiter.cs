using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Errors;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// At most a number of requests per window from one client address, for one purpose: in the database on PostgreSQL,
/// shared by every server on it (<see cref="RateWindows"/>, the address kept only as a hash), in memory on SQLite's
/// single server. Counted once per request, so a request run again after a lost race
/// (<see cref="LostRaceRetry"/>) is not counted twice. Past the limit: <see cref="TooManyRequestsException"/> (429).
/// </summary>
internal sealed class AddressLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly RateWindows _shared;
    private readonly int _permits;
    private readonly TimeSpan _window;

    public AddressLimiter(int permits, TimeSpan window, RateWindows shared)
    {
        _permits = Math.Max(1, permits);
        _window = window;
        _shared = shared;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Takes one permit for <paramref name="what"/> from the caller's address, or throws.</summary>
    public async Task TakeAsync(HttpContext context, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryAdd($"{nameof(AddressLimiter)}:{what}", true)) return;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_shared.Shared)
        {
            var key = $"{what}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)))[..32]}";
            var (count, left) = await _shared.CountAsync(key, _window, ct);
            if (count > _permits) throw new TooManyRequestsException($"Too many {what} requests from your address; try again later.", left);
            return;
        }
        using var lease = _limiter.AttemptAcquire($"{what}:{address}");
        if (!lease.IsAcquired) throw new TooManyRequestsException($"Too many {what} requests from your address; try again later.", _window);
    }

    public void Dispose() => _limiter.Dispose();
}
