using Firebreak.Domain.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Firebreak.Web.Infrastructure.Outbound;

namespace Firebreak.Web.Features.CveServices;

/// <summary>The answer to one call: the status, and what went wrong in the service's words when it was not 2xx.</summary>
internal sealed record CveAnswer(int Status, JsonNode? Body, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Worth another attempt: rate limited or the service failing, not a refusal of what was sent.</summary>
    public bool Transient => Status is 429 or >= 500;
}

/// <summary>
/// Builds the CVE Services requests (as <c>specs/cve-services/openapi.json</c> describes them: the three
/// <c>CVE-API-*</c> headers, the ids and parameters in the path and query, containers as JSON bodies) and sends them
/// through the one outbound client. The API key goes in a header only; errors name the service's error code and message.
/// </summary>
internal sealed class CveServicesClient(OutboundClient outbound)
{
    public Task<CveAnswer> SendAsync(CveServicesAccount account, string apiKey, CveServiceCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (method, path, body) = Request(account, call);
        return SendAsync(new Credentials(account.BaseUrl, account.ShortName, account.UserName, apiKey), method, path, body, ct);
    }

    /// <summary>
    /// The UUID CVE Services hold for the organisation (<c>GET /org/{shortname}</c>, which every registered user may read
    /// for their own organisation), so nobody types it; or the reason it could not be had.
    /// </summary>
    public async Task<(Guid? Id, string? Error)> OrganisationIdAsync(Credentials credentials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        CveAnswer answer;
        try
        {
            answer = await SendAsync(credentials, HttpMethod.Get, $"/org/{Uri.EscapeDataString(credentials.ShortName)}", null, ct);
        }
        catch (Exception e) when (e is OutboundRefusedException or HttpRequestException)
        {
            return (null, e.Message);
        }
        if (!answer.Succeeded) return (null, answer.Error);
        return Guid.TryParse(answer.Body?["UUID"]?.ToString(), out var id) && id != Guid.Empty
            ? (id, null) : (null, "CVE Services answered without the organisation's UUID");
    }

    private async Task<CveAnswer> SendAsync(Credentials credentials, HttpMethod method, string path, string? body, CancellationToken ct)
    {
        var url = new Uri(credentials.BaseUrl.TrimEnd('/') + path);
        var headers = new Dictionary<string, string>
        {
            ["CVE-API-ORG"] = credentials.ShortName, ["CVE-API-USER"] = credentials.User, ["CVE-API-KEY"] = credentials.ApiKey, ["Accept"] = "application/json",
        };
        var answer = await outbound.SendAsync(new OutboundRequest(method, url, body is null ? null : Encoding.UTF8.GetBytes(body), "application/json", headers), ct);
        JsonNode? json = null;
        try
        {
            if (answer.Body.Length > 0) json = JsonNode.Parse(answer.Body);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new CveAnswer(answer.Status, json, answer.IsSuccess ? null : Describe(answer.Status, json));
    }

    /// <summary>Who calls and where: the three <c>CVE-API-*</c> header values and the service's base URL.</summary>
    internal sealed record Credentials(string BaseUrl, string ShortName, string User, string ApiKey)
    {
        public override string ToString() => $"{ShortName}/{User} at {BaseUrl}"; // never the key
    }

    /// <summary>The method, the path below the base URL and the body of a call.</summary>
    public static (HttpMethod Method, string Path, string? Body) Request(CveServicesAccount account, CveServiceCall call)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(call);
        var id = Uri.EscapeDataString(call.CveId ?? "");
        switch (call.Kind)
        {
            case CveCallKind.Reserve:
                var order = ReserveOrder.Parse(call.Payload);
                var query = $"?amount={order.Amount}&cve_year={order.Year.ToString(CultureInfo.InvariantCulture)}&short_name={Uri.EscapeDataString(account.ShortName)}";
                if (order.Amount > 1) query += order.Sequential ? "&batch_type=sequential" : "&batch_type=nonsequential";
                return (HttpMethod.Post, "/cve-id" + query, null);
            case CveCallKind.Publish: return (HttpMethod.Post, $"/cve/{id}/cna", call.Payload);
            case CveCallKind.Update: return (HttpMethod.Put, $"/cve/{id}/cna", call.Payload);
            case CveCallKind.Reject: return (HttpMethod.Post, $"/cve/{id}/reject", call.Payload);
            case CveCallKind.Check: return (HttpMethod.Get, $"/cve-id/{id}", null);
            default: throw new ArgumentOutOfRangeException(nameof(call), call.Kind, "Unknown call.");
        }
    }

    /// <summary>The service's error body (<c>{"error": CODE, "message": …, "details": …}</c>) in one line.</summary>
    private static string Describe(int status, JsonNode? json)
    {
        var text = $"CVE Services answered {status}";
        if (json is JsonObject o)
        {
            if (o["error"]?.ToString() is { Length: > 0 } code) text += $" {code}";
            if (o["message"]?.ToString() is { Length: > 0 } message) text += $": {message}";
            if (o["details"] is JsonNode details) text += $" ({Cut(details.ToJsonString())})";
        }
        return text;
    }

    private static string Cut(string text) => Excerpt.Clip(text, 300);
}

/// <summary>A reservation's parameters, kept as the call's payload.</summary>
internal sealed record ReserveOrder(int Amount, int Year, bool Sequential)
{
    public string Serialize() => new JsonObject { ["amount"] = Amount, ["year"] = Year, ["sequential"] = Sequential }.ToJsonString();

    public static ReserveOrder Parse(string? payload)
    {
        var o = JsonNode.Parse(payload ?? "{}")!.AsObject();
        return new((int)o["amount"]!, (int)o["year"]!, (bool)o["sequential"]!);
    }
}
