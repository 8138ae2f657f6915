using Microsoft.AspNetCore.Identity;

namespace Firebreak.Web.Data;

/// <summary>A local account. Administrators see and manage every project.</summary>
internal sealed class AppUser : IdentityUser
{
    public bool IsAdmin { get; set; }

    /// <summary>IANA time zone in which this user sees instants; UTC by default.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateTime CreatedAt { get; set; }
}
