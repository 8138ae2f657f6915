using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Web;

namespace Firebreak.Web.Features.Intake;

/// <summary>
/// Per-address limits for the deliberately public endpoints (report intake, the reporter portal):
/// <c>Intake:PerAddressPerHour</c> requests an hour per client address and purpose, shared by every server on PostgreSQL, in memory on SQLite.
/// </summary>
internal sealed class IntakeRateLimiter(IConfiguration configuration, RateWindows shared) : IDisposable
{
    private readonly AddressLimiter _limiter = new(configuration.GetValue("Intake:PerAddressPerHour", 20), TimeSpan.FromHours(1), shared);

    /// <summary>Takes one permit for the caller's address (once per request) or throws a 429.</summary>
    public Task TakeAsync(HttpContext context, string what, CancellationToken ct) => _limiter.TakeAsync(context, what, ct);

    public void Dispose() => _limiter.Dispose();
}
