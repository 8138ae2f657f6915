using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Firebreak.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Firebreak.Web.Tests.CveServices;

/// <summary>
/// A stand-in for CVE Services on loopback, built from <c>specs/cve-services/openapi.json</c>: the endpoints Firebreak
/// calls (<c>POST /api/cve-id</c>, <c>GET /api/cve-id/{id}</c>, <c>POST|PUT /api/cve/{id}/cna</c>,
/// <c>POST /api/cve/{id}/reject</c>, <c>GET /api/org/{shortname}</c>) with the three <c>CVE-API-*</c> headers checked, the service's error bodies
/// (<c>{"error": CODE, "message": …}</c>, with <c>details</c> for bad input), a rate limit answering 429 with the
/// <c>RateLimit-*</c> headers, and an outage switch answering 503. Every request is recorded.
/// </summary>
internal sealed class CveServicesStandIn : IAsyncDisposable
{
    public const string Org = "springtale";
    public const string User = "alice@springtale.example.org";
    public const string Key = "stand-in-key-7f3a9c";

    /// <summary>The organisation's UUID, answered by <c>GET /api/org/{shortname}</c>.</summary>
    public static readonly Guid OrgUuid = Guid.Parse("8254265b-2729-46b6-b9e3-3dfca2d5bfca");

    private readonly ConcurrentDictionary<string, IdEntry> _ids = new(StringComparer.Ordinal);
    private LoopbackHttpServer _server = null!;
    private int _next = 1000;

    public sealed record Received(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, int Answered);

    public sealed class IdEntry
    {
        public string State { get; set; } = "RESERVED";
        public JsonNode? Container { get; set; }
        public int Year { get; init; }
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IReadOnlyDictionary<string, IdEntry> Ids => _ids;

    /// <summary>While true, every request answers 503 (the service is down).</summary>
    public bool Down { get; set; }

    /// <summary>Requests still allowed before the rate limit answers 429; null for no limit.</summary>
    public int? Remaining { get; set; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/api";

    public int Port => _server.Port;

    public static async Task<CveServicesStandIn> StartAsync()
    {
        var standIn = new CveServicesStandIn();
        standIn._server = await LoopbackHttpServer.StartAsync(standIn.HandleAsync);
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (status, answer) = Answer(context, body);
        Requests.Enqueue(new Received(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static JsonObject Error(string code, string message, JsonNode? details = null)
    {
        var o = new JsonObject { ["error"] = code, ["message"] = message };
        if (details is not null) o["details"] = details;
        return o;
    }

    private (int, JsonNode) Answer(HttpContext context, string body)
    {
        if (Down) return (503, Error("SERVICE_UNAVAILABLE", "The service is temporarily unavailable."));
        if (Remaining is { } left)
        {
            context.Response.Headers["RateLimit-Limit"] = "1000";
            context.Response.Headers["RateLimit-Policy"] = "1000;w=60";
            if (left <= 0)
            {
                context.Response.Headers["RateLimit-Remaining"] = "0";
                context.Response.Headers["RateLimit-Reset"] = "60";
                return (429, Error("TOO_MANY_REQUESTS", "Too many requests, please try again later."));
            }
            Remaining = left - 1;
        }
        var headers = context.Request.Headers;
        if (headers["CVE-API-ORG"] != Org || headers["CVE-API-USER"] != User || headers["CVE-API-KEY"] != Key)
            return (401, Error("UNAUTHORIZED", "Unauthorized"));
        var method = context.Request.Method;
        var parts = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["api", "cve-id"]) => Reserve(context.Request.Query),
            ("GET", ["api", "cve-id", var id]) => _ids.TryGetValue(id, out var e)
                ? (200, new JsonObject { ["cve_id"] = id, ["cve_year"] = e.Year.ToString(CultureInfo.InvariantCulture), ["owning_cna"] = Org, ["state"] = e.State })
                : (404, Error("CVEID_NOT_FOUND", $"{id} does not exist.")),
            ("POST", ["api", "cve", var id, "cna"]) => Publish(id, body, create: true),
            ("PUT", ["api", "cve", var id, "cna"]) => Publish(id, body, create: false),
            ("POST", ["api", "cve", var id, "reject"]) => Reject(id, body),
            ("GET", ["api", "org", var identifier]) => identifier == Org || identifier == OrgUuid.ToString()
                ? (200, new JsonObject
                {
                    ["short_name"] = Org, ["name"] = "Springtale Project", ["UUID"] = OrgUuid.ToString(),
                    ["authority"] = new JsonObject { ["active_roles"] = new JsonArray("CNA") },
                })
                : (403, Error("NOT_SAME_ORG_OR_SECRETARIAT", "This information can only be viewed by the users of the same organization or the Secretariat.")),
            _ => (404, Error("NOT_FOUND", "No such endpoint.")),
        };
    }

    private (int, JsonNode) Reserve(IQueryCollection query)
    {
        var problems = new JsonArray();
        if (!int.TryParse(query["amount"], CultureInfo.InvariantCulture, out var amount) || amount < 1)
            problems.Add(new JsonObject { ["param"] = "amount", ["msg"] = "Must be a positive integer." });
        if (!int.TryParse(query["cve_year"], CultureInfo.InvariantCulture, out var year) || year < 1999)
            problems.Add(new JsonObject { ["param"] = "cve_year", ["msg"] = "Must be a year from 1999." });
        if (query["short_name"] != Org) problems.Add(new JsonObject { ["param"] = "short_name", ["msg"] = "Must be the requester's organisation." });
        var batch = query["batch_type"].ToString();
        if (amount > 1 && batch is not ("sequential" or "non-sequential" or "nonsequential"))
            problems.Add(new JsonObject { ["param"] = "batch_type", ["msg"] = "Required when amount is greater than one." });
        if (problems.Count > 0) return (400, Error("BAD_INPUT", "Parameters were invalid", problems));
        var ids = new JsonArray();
        for (var i = 0; i < amount; i++)
        {
            var id = $"CVE-{year}-{Interlocked.Add(ref _next, batch == "sequential" || amount == 1 ? 1 : 7)}";
            _ids[id] = new IdEntry { Year = year };
            ids.Add(new JsonObject { ["cve_id"] = id, ["cve_year"] = year.ToString(CultureInfo.InvariantCulture), ["owning_cna"] = Org, ["state"] = "RESERVED",
                ["requested_by"] = new JsonObject { ["cna"] = Org, ["user"] = User } });
        }
        return (200, new JsonObject { ["cve_ids"] = ids });
    }

    private (int, JsonNode) Publish(string id, string body, bool create)
    {
        if (!_ids.TryGetValue(id, out var entry)) return (404, Error("CVEID_NOT_FOUND", $"{id} does not exist."));
        JsonNode? container;
        try
        {
            container = JsonNode.Parse(body)?["cnaContainer"];
        }
        catch (System.Text.Json.JsonException)
        {
            container = null;
        }
        if (container?["affected"] is null || container["descriptions"] is null || container["references"] is null)
            return (400, Error("BAD_INPUT", "The CNA container is invalid.", new JsonArray(new JsonObject { ["msg"] = "cnaContainer needs affected, descriptions and references" })));
        if (create && entry.State != "RESERVED") return (400, Error("CVE_RECORD_EXISTS", $"The record of {id} already exists."));
        if (!create && entry.State != "PUBLISHED") return (400, Error("CVE_RECORD_DNE", $"{id} has no published record to update."));
        (entry.State, entry.Container) = ("PUBLISHED", container.DeepClone());
        return (200, new JsonObject { ["message"] = $"{id} record was successfully {(create ? "created" : "updated")}." });
    }

    private (int, JsonNode) Reject(string id, string body)
    {
        if (!_ids.TryGetValue(id, out var entry)) return (404, Error("CVEID_NOT_FOUND", $"{id} does not exist."));
        if (entry.State != "RESERVED") return (400, Error("CVE_RECORD_EXISTS", $"{id} already has a record; update it to rejected instead."));
        if (JsonNode.Parse(body)?["cnaContainer"]?["rejectedReasons"] is not JsonArray { Count: > 0 })
            return (400, Error("BAD_INPUT", "A rejection needs rejectedReasons."));
        entry.State = "REJECTED";
        return (200, new JsonObject { ["message"] = $"{id} was rejected." });
    }
}
