using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Mail;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.MailQueue;

/// <summary>The instance's mail queue for administrators: what is pending, sent or failed, every attempt, and retry.</summary>
internal static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").RequireAuthorization(AuthSetup.AdminPolicy).WithTags("Outbox");
        outbox.MapGet("", List).RequirePermission(Permission.InstanceAdmin);
        outbox.MapPost("/{id:guid}/retry", Retry).RequirePermission(Permission.InstanceAdmin);
        return api;
    }

    /// <summary>
    /// One page of the queue, newest first (<c>page</c> from 1, <c>limit</c> up to 200, by default 200 so that a reader of the
    /// first page sees what it always saw), with <c>X-Total-Count</c> and a <c>Link</c> header to the other pages.
    /// </summary>
    private static async Task<Ok<OutboxJson[]>> List(string? state, string? page, string? limit, FirebreakDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, limit, errors, defaultLimit: Paging.MaxLimit);
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (state is not null)
        {
            var wanted = Enum.TryParse<OutboxState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
                : throw new DomainException($"'{state}' is not an outbox state; use pending, sent or failed.");
            query = query.Where(m => m.State == wanted);
        }
        var messages = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToPagedAsync(paging, ct);
        PageLinks.Write(http, messages);
        var ids = messages.Items.Select(m => m.Id).ToList();
        var attempts = (await db.Set<OutboxAttempt>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(ct)).ToLookup(a => a.MessageId);
        return TypedResults.Ok(messages.Items.Select(m => OutboxJson.From(m, attempts[m.Id])).ToArray());
    }

    private static async Task<Results<NoContent, NotFound>> Retry(Guid id, FirebreakDbContext db, MailSignal signal, TimeProvider time, CancellationToken ct)
    {
        if (await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct) is not { } message) return TypedResults.NotFound();
        message.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return TypedResults.NoContent();
    }
}

internal sealed record OutboxJson(Guid Id, string To, string Subject, string Purpose, string State, int Attempts, DateTime CreatedAt,
    DateTime NextAttemptAt, DateTime? SentAt, string? LastError, IReadOnlyList<AttemptJson> History)
{
    public static OutboxJson From(OutboxMessage m, IEnumerable<OutboxAttempt> attempts) =>
        new(m.Id, m.To, m.Subject, m.Purpose, m.State.ToString().ToLowerInvariant(), m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError,
            attempts.OrderBy(a => a.At).Select(a => new AttemptJson(a.At, a.Succeeded, a.Error)).ToList());
}

internal sealed record AttemptJson(DateTime At, bool Succeeded, string? Error);
