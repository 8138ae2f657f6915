namespace Firebreak.Web.Features.CveServices;

/// <summary>The CVE Services worker (<c>CveServices:*</c>): how often it looks for due calls, and how many attempts a call gets.</summary>
internal sealed class CveServicesOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a call is parked as failed (with the 1 h cap on the backoff, about a day of retrying).</summary>
    public int MaxAttempts { get; set; } = 30;
}
