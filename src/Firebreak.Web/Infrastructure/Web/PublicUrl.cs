namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// The address links in e-mail point to: <c>Firebreak:PublicUrl</c> when set (it should be, in
/// production, so that a forged Host header cannot put its own host into mail), else the request's.
/// </summary>
internal sealed class PublicUrl(IConfiguration configuration)
{
    /// <summary>The configured address, for work done outside a request (the publication worker); null when not set.</summary>
    public string? Configured => configuration["Firebreak:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return configuration["Firebreak:PublicUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
