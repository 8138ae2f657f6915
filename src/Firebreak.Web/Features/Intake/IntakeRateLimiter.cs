using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Per-address limits for the deliberately public endpoints (report intake, the reporter portal):
/// <c>Intake:PerAddressPerHour</c> requests an hour per client address and purpose, in memory on each server.
/// </summary>
internal sealed class IntakeRateLimiter(IConfiguration configuration) : IDisposable
{
    private readonly AddressLimiter _limiter = new(configuration.GetValue("Intake:PerAddressPerHour", 20), TimeSpan.FromHours(1));

    /// <summary>Takes one permit for the caller's address (once per request) or throws a 429.</summary>
    public void Take(HttpContext context, string what) => _limiter.Take(context, what);

    public void Dispose() => _limiter.Dispose();
}
