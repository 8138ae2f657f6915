using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Firebreak.Web.Infrastructure.Errors;

/// <summary>
/// Turns the exceptions a caller can provoke into problem details: broken domain rules are 422 (409 when the change was
/// made from a version someone else has changed since),
/// malformed request bodies 400 with the JSON path, line and position, rate limits 429, a write that
/// lost every race with other writers, or a database that cannot take another connection, 503 with Retry-After. Anything else is a bug and
/// is left to the default 500 handler (without details).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            DomainException { IsConflict: true } e => (StatusCodes.Status409Conflict, "Changed meanwhile", e.Message),
            DomainException e => (StatusCodes.Status422UnprocessableEntity, "The request breaks a rule", e.Message),
            ServiceBusyException e => (StatusCodes.Status503ServiceUnavailable, "Busy", e.Message),
            _ when LostRace.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "Busy",
                "Others were writing the same thing at the same moment; nothing of yours was saved. Send it again in a moment."),
            _ when PostgresPool.Exhausted(exception) => (StatusCodes.Status503ServiceUnavailable, "Busy",
                "The database cannot take another connection at the moment; nothing of yours was saved. Send it again in a moment."),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "Malformed JSON", Describe(json)),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            JsonException json => (StatusCodes.Status400BadRequest, "Malformed JSON", Describe(json)),
            TooManyRequestsException e => (StatusCodes.Status429TooManyRequests, "Too many requests", e.Message),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        if (exception is TooManyRequestsException limit)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(limit.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = ((int)ServiceBusyException.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
        if (json.LineNumber is { } line) where += $" (line {line + 1}, position {json.BytePositionInLine + 1})";
        var message = json.Message.Split(" Path:", 2)[0];
        return $"The request body is not valid{where}: {message}";
    }
}
