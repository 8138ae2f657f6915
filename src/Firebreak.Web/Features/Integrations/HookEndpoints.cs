using System.Text.Json;
using Firebreak.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firebreak.Web.Features.Integrations;

/// <summary>
/// <c>POST /hooks/github/{slug}</c> and <c>POST /hooks/generic/{slug}</c>: deliberately public (no session, no token,
/// no antiforgery: nothing ambient reaches them), authenticated by the HMAC of the raw body alone (<see cref="HookGate"/>).
/// Bounded body (413), 401 with nothing written for a missing or wrong signature, then the delivery's answer.
/// </summary>
internal static class HookEndpoints
{
    public const string GitHubRoute = "github-hook";
    public const string GenericRoute = "generic-hook";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    public const string EventHeader = "X-GitHub-Event";
    public const string GenericDeliveryHeader = "X-Firebreak-Delivery";

    public static IEndpointRouteBuilder MapHooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/hooks").AllowAnonymous().DisableAntiforgery().WithTags("Hooks");
        hooks.MapPost("/github/{slug}", GitHub).WithName(GitHubRoute)
            .WithSummary("A GitHub webhook delivery, signed with X-Hub-Signature-256 under the project's GitHub secret.");
        hooks.MapPost("/generic/{slug}", Generic).WithName(GenericRoute)
            .WithSummary("A generic signed trigger {kind, title, severity, summary, dedupeKey}, signed like GitHub's under the project's generic secret.");
        return app;
    }

    private static async Task<Results<Ok<DeliveryAnswer>, Accepted<DeliveryAnswer>, ProblemHttpResult>> GitHub(string slug, HttpRequest request,
        HookGate gate, ReceiveGitHubDelivery receive, CancellationToken ct)
    {
        if (await HookBody.ReadAsync(request, ct) is not { } body) return TooLarge();
        if (await gate.AdmitAsync(slug, HookSource.GitHub, request.Headers[HookSignature.Header].FirstOrDefault(), body, ct) is not { } project) return Unsigned();
        var delivery = request.Headers[DeliveryHeader].FirstOrDefault()?.Trim();
        var @event = request.Headers[EventHeader].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(delivery) || delivery.Length > HookDelivery.MaxDeliveryId || delivery.Any(char.IsControl))
            return Bad($"The {DeliveryHeader} header is required: GitHub's id of the delivery, at most {HookDelivery.MaxDeliveryId} characters.");
        if (string.IsNullOrEmpty(@event) || @event.Length > HookDelivery.MaxName || !@event.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return Bad($"The {EventHeader} header is required: the event's name (letters, digits, '_').");
        var answer = await receive.ExecuteAsync(project, delivery, @event, body, ct);
        return answer.Outcome == "ignored" && !answer.Duplicate ? TypedResults.Accepted((string?)null, answer) : TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<DeliveryAnswer>, Created<DeliveryAnswer>, ProblemHttpResult>> Generic(string slug, HttpRequest request,
        HookGate gate, GenericTrigger trigger, CancellationToken ct)
    {
        if (await HookBody.ReadAsync(request, ct) is not { } body) return TooLarge();
        if (await gate.AdmitAsync(slug, HookSource.Generic, request.Headers[HookSignature.Header].FirstOrDefault(), body, ct) is not { } project) return Unsigned();
        var delivery = request.Headers[GenericDeliveryHeader].FirstOrDefault()?.Trim();
        if (delivery is not null && (delivery.Length is 0 or > HookDelivery.MaxDeliveryId || delivery.Any(char.IsControl)))
            return Bad($"The {GenericDeliveryHeader} header, when sent, is 1 to {HookDelivery.MaxDeliveryId} characters.");
        DeliveryAnswer answer;
        try
        {
            answer = await trigger.ExecuteAsync(project, delivery, body, ct);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            if (e.LineNumber is { } line) where += $" (line {line + 1}, position {e.BytePositionInLine + 1})";
            return Bad($"The body is not a generic trigger{where}: {e.Message.Split(" Path:", 2)[0]}");
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The request breaks a rule", detail: e.Message);
        }
        return answer.Outcome == "opened" ? TypedResults.Created((string?)null, answer) : TypedResults.Ok(answer);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
        detail: $"A delivery is at most {HookBody.MaxBytes:N0} bytes.");

    private static ProblemHttpResult Unsigned() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed",
        detail: $"The {HookSignature.Header} header must be the HMAC-SHA256 of the body under this hook's secret.");

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad delivery", detail: detail);
}
