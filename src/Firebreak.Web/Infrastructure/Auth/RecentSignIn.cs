using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Firebreak.Web.Infrastructure.Auth;

/// <summary>
/// "You confirmed who you are a moment ago": a data-protected cookie holding the account id and the
/// instant of the last password (and second factor) check, set at sign-in and by /account/confirm.
/// It grants nothing by itself; it is read only next to a valid sign-in cookie of the same account.
/// </summary>
internal sealed class RecentSignIn(IDataProtectionProvider protection, TimeProvider time, IConfiguration configuration)
{
    /// <summary>How long a confirmation lasts (inclusive), measured with the injected clock.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public const string ConfirmPath = "/account/confirm";

    // Servers a little ahead of each other must not refuse a confirmation made a moment ago elsewhere.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Firebreak.RecentSignIn.v1");

    private readonly bool _tls = configuration["Firebreak:PublicUrl"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Same rule as the sign-in cookie: the __Host- prefix (Secure, Path=/, no Domain) when served over TLS.</summary>
    public string CookieName => _tls ? "__Host-firebreak.reauth" : "firebreak.reauth";

    /// <summary>Records that <paramref name="userId"/> proved their credentials just now.</summary>
    public void Confirm(HttpContext http, string userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{userId}|{time.GetUtcNow().ToUnixTimeMilliseconds()}");
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = _tls || http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
            MaxAge = Window,
        });
    }

    public void Forget(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = _tls || http.Request.IsHttps, SameSite = SameSiteMode.Strict });
    }

    /// <summary>Whether this request carries an untampered confirmation by <paramref name="userId"/> within the window.</summary>
    public bool IsRecent(HttpContext http, string userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return false; // forged, truncated, or protected under keys this server does not hold
        }
        var bar = payload.LastIndexOf('|');
        if (bar <= 0 || !string.Equals(payload[..bar], userId, StringComparison.Ordinal)
            || !long.TryParse(payload.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return false;
        var age = time.GetUtcNow().ToUnixTimeMilliseconds() - ms;
        return age >= -(long)Skew.TotalMilliseconds && age <= (long)Window.TotalMilliseconds;
    }

    /// <summary>
    /// API requests carry a bearer token, which is itself the credential (created after a signed-in
    /// session, revocable, never ambient), so they pass; anything else on a marked endpoint needs a
    /// recent confirmation like a page.
    /// </summary>
    public bool IsSatisfiedForApi(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName) return true;
        return http.User.Identity?.IsAuthenticated == true && IsRecent(http, http.RequestServices.GetRequiredService<CurrentUser>().Id);
    }

    /// <summary>The redirect to the confirmation page when the selected handler (or its page) needs a recent sign-in that is missing; otherwise null.</summary>
    public IActionResult? ChallengeFor(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var marked = context.HandlerMethod?.MethodInfo.IsDefined(typeof(RequiresRecentSignInAttribute), false) == true
            || context.ActionDescriptor.ModelTypeInfo?.IsDefined(typeof(RequiresRecentSignInAttribute), true) == true;
        var http = context.HttpContext;
        if (!marked || IsRecent(http, http.RequestServices.GetRequiredService<CurrentUser>().Id)) return null;
        // A GET comes back exactly; a POST's form is not replayed (it may be stale or forged), so
        // the person returns to the page and repeats the action, now confirmed.
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.ToString();
        return new LocalRedirectResult(ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(back));
    }
}
