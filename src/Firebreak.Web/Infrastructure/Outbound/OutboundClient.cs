using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>
/// The one client for every call the server makes to an address someone configured (chat channels; CVE Services and
/// feeds when the server fetches them): https only unless <c>Outbound:AllowHttp</c>; no user info in addresses; every
/// connection checked by <see cref="DestinationGuard"/> when it is made; redirects followed by hand, each hop checked
/// again (scheme included); bounded in time and in the size of the answer. It logs the scheme and host only: a
/// webhook's path is its secret. No proxy is used, since a proxy would make the connection the guard cannot see.
/// </summary>
internal sealed partial class OutboundClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly OutboundOptions _options;
    private readonly ILogger<OutboundClient> _logger;

    public OutboundClient(DestinationGuard guard, IOptions<OutboundOptions> options, ILogger<OutboundClient> logger)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            ConnectTimeout = _options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2), // DNS answers change; a pooled connection keeps the address checked when it opened
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Firebreak");
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The part of an address that may be logged or shown: scheme, host and a port other than the default.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) return "(relative address)";
        return $"{url.Scheme}://{url.IdnHost}" + (url.IsDefaultPort || url.Port < 0 ? "" : $":{url.Port}");
    }

    /// <summary>Refuses an address the client would not call, before any connection: not absolute, a wrong scheme, user info.</summary>
    public void CheckAddress(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) throw new OutboundRefusedException(OutboundRefusal.NotAnAddress, "The address is not absolute.");
        var scheme = url.Scheme;
        if (scheme != Uri.UriSchemeHttps && !(scheme == Uri.UriSchemeHttp && _options.AllowHttp))
            throw new OutboundRefusedException(OutboundRefusal.Scheme, _options.AllowHttp
                ? $"The scheme '{scheme}' is not allowed; use https or http."
                : $"The scheme '{scheme}' is not allowed; use https (plain http only when Outbound:AllowHttp is set).");
        if (url.UserInfo.Length > 0) throw new OutboundRefusedException(OutboundRefusal.Credentials, "The address carries a user name or password; put credentials elsewhere.");
        if (url.IdnHost.Length == 0) throw new OutboundRefusedException(OutboundRefusal.NotAnAddress, "The address names no host.");
    }

    /// <summary>
    /// Sends <paramref name="request"/>, following up to <c>Outbound:MaxRedirects</c> redirects. Throws
    /// <see cref="OutboundRefusedException"/> for a refused destination, redirect, oversized or late answer, and
    /// <see cref="HttpRequestException"/> for a failed connection.
    /// </summary>
    public async Task<OutboundResponse> SendAsync(OutboundRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        var (method, url, body, headers) = (request.Method, request.Url, request.Body, request.Headers);
        var watch = Stopwatch.StartNew();
        try
        {
            for (var hop = 0; ; hop++)
            {
                CheckAddress(url);
                using var message = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    message.Content = new ByteArrayContent(body);
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
                }
                foreach (var (name, value) in headers ?? new Dictionary<string, string>()) message.Headers.TryAddWithoutValidation(name, value);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                        throw new OutboundRefusedException(OutboundRefusal.TooManyRedirects, $"{Redact(url)} redirected more than {_options.MaxRedirects} times.");
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (url.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                        throw new OutboundRefusedException(OutboundRefusal.Scheme, $"{Redact(url)} redirected from https down to http.");
                    var (from, to) = (Redact(url), Redact(next));
                    Redirected(_logger, from, status, to);
                    if (status is 301 or 302 or 303 && method != HttpMethod.Get && method != HttpMethod.Head) (method, body) = (HttpMethod.Get, null);
                    if (!SameOrigin(url, next)) headers = headers?.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).ToDictionary();
                    url = next;
                    continue;
                }
                var bytes = await ReadCappedAsync(response, url, deadline.Token);
                var (destination, elapsed) = (Redact(url), watch.ElapsedMilliseconds);
                Answered(_logger, method.Method, destination, status, elapsed);
                return new OutboundResponse(status, bytes, url);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new OutboundRefusedException(OutboundRefusal.TimedOut, $"{Redact(url)} gave no complete answer within {_options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            var refused = Refusal(e);
            Failed(_logger, method.Method, Redact(url), refused?.Message ?? e.Message);
            if (refused is null) throw;
            throw refused; // the guard's refusal from the connect callback, unwrapped so callers see the reason
        }
        catch (OutboundRefusedException e)
        {
            Failed(_logger, method.Method, Redact(url), e.Message);
            throw;
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        var cap = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > cap) throw TooLarge(url, cap);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        for (int read; (read = await stream.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > cap) throw TooLarge(url, cap);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static OutboundRefusedException TooLarge(Uri url, long cap) =>
        new(OutboundRefusal.ResponseTooLarge, $"{Redact(url)} answered with more than {cap} bytes (Outbound:MaxResponseBytes).");

    private static OutboundRefusedException? Refusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is OutboundRefusedException refused) return refused;
        }
        return null;
    }

    private static bool SameOrigin(Uri a, Uri b) => a.IsAbsoluteUri && b.IsAbsoluteUri && Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound {Method} {Destination} answered {Status} in {Milliseconds} ms")]
    private static partial void Answered(ILogger logger, string method, string destination, int status, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound {Destination} redirected ({Status}) to {Next}")]
    private static partial void Redirected(ILogger logger, string destination, int status, string next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {Method} {Destination} failed: {Error}")]
    private static partial void Failed(ILogger logger, string method, string destination, string error);
}
