using Firebreak.Domain.Common;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// A project's chat channels (<c>/api/v1/projects/{slug}/chat-channels</c>: list with ProjectRead; add, remove and test
/// with ProjectAdmin) and the instance's chat deliveries for administrators (<c>/api/v1/chat-deliveries</c>).
/// </summary>
internal static class ChatApi
{
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ChatOptions>(builder.Configuration.GetSection("Chat"));
        services.AddSingleton<ChatSignal>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ChatSignal>());
        services.AddScoped<ChatOutbox>();
        services.AddScoped<SendChatDeliveries>();
        services.AddScoped<AddChatChannel>();
        services.AddScoped<ChatChannels>();
        services.AddScoped<ChatLinks>();
        services.AddHostedService<ChatWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapChatApi(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/projects/{slug}/chat-channels").WithTags("Chat");
        channels.MapGet("", List).RequirePermission(Permission.ProjectRead).WithSummary("The project's chat channels (never their addresses beyond the host, nor tokens).");
        channels.MapPost("", Add).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Adds a channel; for a generic webhook the answer carries its HMAC key, the only time it is shown.");
        channels.MapDelete("/{channelId:guid}", Remove).RequirePermission(Permission.ProjectAdmin).WithSummary("Removes a channel and its deliveries.");
        channels.MapPost("/{channelId:guid}/test", Test).RequirePermission(Permission.ProjectAdmin)
            .WithSummary("Sends a test message to the channel now and says what it answered.");
        var deliveries = api.MapGroup("/chat-deliveries").RequireAuthorization(AuthSetup.AdminPolicy).WithTags("Chat");
        deliveries.MapGet("", Deliveries).RequirePermission(Permission.InstanceAdmin).WithSummary("One page of the chat deliveries, newest first, with every attempt.");
        deliveries.MapPost("/{id:guid}/retry", Retry).RequirePermission(Permission.InstanceAdmin).WithSummary("Queues a failed delivery again, same id.");
        return api;
    }

    private static async Task<Results<Ok<ChatChannelJson[]>, NotFound>> List(string slug, ProjectAccess access, ChatChannels channels, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return TypedResults.Ok((await channels.ListAsync(project.Id, ct)).Select(ChatChannelJson.From).ToArray());
    }

    private static async Task<Results<Created<ChatChannelCreatedJson>, ProblemHttpResult, NotFound>> Add(string slug, ChatChannelRequest body,
        ProjectAccess access, AddChatChannel add, CurrentUser user, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        var (channel, secret, error) = await add.ExecuteAsync(project, body, user.Name, ct);
        if (channel is null) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The channel cannot be added", detail: error);
        return TypedResults.Created($"/api/v1/projects/{project.Slug}/chat-channels/{channel.Id}", new ChatChannelCreatedJson(ChatChannelJson.From(channel), secret));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(string slug, Guid channelId, ProjectAccess access, ChatChannels channels, CurrentUser user,
        CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return await channels.RemoveAsync(project, channelId, user.Name, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ChatTestJson>, NotFound>> Test(string slug, Guid channelId, ProjectAccess access, ChatChannels channels, ChatLinks links,
        HttpRequest request, CancellationToken ct)
    {
        if (await access.FindProjectAsync(slug, ct) is not { } project) return TypedResults.NotFound();
        return await channels.TestAsync(project, channelId, links.Project(request, project.Slug), ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
    }

    /// <summary>
    /// One page of the deliveries, newest first (<c>page</c> from 1, <c>limit</c> up to 200, by default 200, the most a page
    /// holds, as the endpoint used to answer the latest 500), with <c>X-Total-Count</c> and a <c>Link</c> header keeping the state.
    /// </summary>
    private static async Task<Ok<ChatDeliveryJson[]>> Deliveries(string? state, string? page, string? limit, FirebreakDbContext db, HttpContext http,
        CancellationToken ct)
    {
        var paging = Paging.ParseForApi(page, limit, Paging.MaxLimit);
        var query = db.Set<ChatDelivery>().AsNoTracking();
        if (state is not null)
        {
            var wanted = Enum.TryParse<ChatDeliveryState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
                : throw new DomainException($"'{state}' is not a delivery state; use pending, delivered or failed.");
            query = query.Where(d => d.State == wanted);
        }
        var paged = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToPagedAsync(paging, ct);
        PageLinks.Write(http, paged);
        var list = paged.Items;
        var ids = list.Select(d => d.Id).ToList();
        var channelIds = list.Select(d => d.ChannelId).Distinct().ToList();
        var attempts = (await db.Set<ChatDeliveryAttempt>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        var channels = await db.Set<ChatChannel>().AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return TypedResults.Ok(list.Select(d => ChatDeliveryJson.From(d, channels[d.ChannelId], attempts[d.Id])).ToArray());
    }

    private static async Task<Results<NoContent, NotFound>> Retry(Guid id, FirebreakDbContext db, ChatSignal signal, TimeProvider time, CancellationToken ct)
    {
        if (await db.Set<ChatDelivery>().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } delivery) return TypedResults.NotFound();
        delivery.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return TypedResults.NoContent();
    }
}

internal sealed record ChatDeliveryJson(Guid Id, Guid ChannelId, string Channel, string Kind, string Destination, string Event, string? Severity, string State,
    int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? DeliveredAt, string? LastError, IReadOnlyList<ChatAttemptJson> History)
{
    public static ChatDeliveryJson From(ChatDelivery d, ChatChannel c, IEnumerable<ChatDeliveryAttempt> attempts) =>
        new(d.Id, c.Id, c.Name, c.Kind.Name(), c.Destination, d.EventKind, d.Severity, d.State.ToString().ToLowerInvariant(), d.Attempts, d.CreatedAt,
            d.NextAttemptAt, d.DeliveredAt, d.LastError,
            [.. attempts.OrderBy(a => a.At).Select(a => new ChatAttemptJson(a.At, a.Succeeded, a.Status, a.Error, a.Milliseconds))]);
}

internal sealed record ChatAttemptJson(DateTime At, bool Succeeded, int? Status, string? Error, long Milliseconds);
