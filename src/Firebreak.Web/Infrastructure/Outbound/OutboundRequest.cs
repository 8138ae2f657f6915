namespace Firebreak.Web.Infrastructure.Outbound;

/// <summary>One outbound call: the method, the address (possibly secret: it is never logged beyond scheme and host), a body and headers.</summary>
internal sealed record OutboundRequest(HttpMethod Method, Uri Url, byte[]? Body = null, string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>The final answer (after redirects): status, body (at most the cap) and the address it came from.</summary>
internal sealed record OutboundResponse(int Status, byte[] Body, Uri Url)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
