using System.Threading.RateLimiting;
using Firebreak.Web.Infrastructure.Errors;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Per-address limits for the deliberately public endpoints (report intake, the reporter portal):
/// <c>Intake:PerAddressPerHour</c> requests an hour per client address, in memory on each server.
/// </summary>
internal sealed class IntakeRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public IntakeRateLimiter(IConfiguration configuration)
    {
        var perHour = configuration.GetValue("Intake:PerAddressPerHour", 20);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    /// <summary>
    /// Takes one permit for the caller's address or throws <see cref="TooManyRequestsException"/>;
    /// once per request, so a request run again after a lost race (<see cref="Infrastructure.Web.LostRaceRetry"/>) is not counted twice.
    /// </summary>
    public void Take(HttpContext context, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryAdd($"{nameof(IntakeRateLimiter)}:{what}", true)) return;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire($"{what}:{address}");
        if (!lease.IsAcquired) throw new TooManyRequestsException($"Too many {what} requests from your address; try again later.", TimeSpan.FromHours(1));
    }

    public void Dispose() => _limiter.Dispose();
}
