using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Notifications;

/// <summary>
/// The notifications feature: the inbox, each person's e-mail choices, the alarm worker, and their API
/// (<c>/api/v1/notifications</c>, <c>/api/v1/account/notification-settings</c>).
/// </summary>
internal static class NotificationsApi
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.AddScoped<Audience>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<IncidentNotices>();
        builder.Services.AddScoped<Inbox>();
        builder.Services.AddScoped<ChangeNotificationSettings>();
        builder.Services.AddScoped<SoundAlarms>();
        builder.Services.AddHostedService<AlarmWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/notifications").WithTags("Notifications");
        inbox.MapGet("", List).RequirePermission(Permission.SignedIn);
        inbox.MapPost("/{id:guid}/read", Read).RequirePermission(Permission.SignedIn);
        inbox.MapPost("/read-all", ReadAll).RequirePermission(Permission.SignedIn);
        var settings = api.MapGroup("/account/notification-settings").WithTags("Notifications");
        settings.MapGet("", GetSettings).RequirePermission(Permission.SignedIn);
        settings.MapPut("", PutSettings).RequirePermission(Permission.SignedIn);
        return api;
    }

    private static async Task<Ok<InboxJson>> List(bool? unread, string? page, string? limit, Inbox inbox, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, limit, errors, defaultLimit: Inbox.PageSize);
        if (errors.Count > 0) throw new Domain.Common.DomainException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        var list = await inbox.PageAsync(unread ?? false, paging, ct);
        PageLinks.Write(http, list);
        return TypedResults.Ok(new InboxJson(await inbox.UnreadAsync(ct), list.Items, list.Total, list.Page, list.Limit, PageLinks.Next(http, list)));
    }

    private static async Task<Results<NoContent, NotFound>> Read(Guid id, Inbox inbox, CancellationToken ct) =>
        await inbox.OpenAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task<Ok<ReadAllJson>> ReadAll(Inbox inbox, CancellationToken ct) => TypedResults.Ok(new ReadAllJson(await inbox.ReadAllAsync(ct)));

    private static async Task<Ok<NotificationSettingsJson>> GetSettings(ChangeNotificationSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetAsync(ct));

    private static async Task<Ok<NotificationSettingsJson>> PutSettings(NotificationSettingsJson body, ChangeNotificationSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.ExecuteAsync(body.Email ?? throw new Domain.Common.DomainException("email: required, a list of event kinds (may be empty)."), ct));
}

/// <summary>The inbox as the API answers it: one page of notices, how many there are in all, and the next page's address (null on the last).</summary>
internal sealed record InboxJson(int Unread, IReadOnlyList<InboxEntry> Notifications, int Total, int Page, int Limit, string? Next);

internal sealed record ReadAllJson(int Marked);

/// <summary>The kinds the caller receives by e-mail, and every kind there is (with its label and default).</summary>
internal sealed record NotificationSettingsJson(IReadOnlyList<string>? Email, IReadOnlyList<NotificationEvent>? Events = null);

/// <summary>Reads and replaces the caller's e-mail choices; concurrent changes each save whole, the last one wins.</summary>
internal sealed class ChangeNotificationSettings(FirebreakDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task<NotificationSettingsJson> GetAsync(CancellationToken ct)
    {
        var id = user.Id;
        var row = await db.Set<NotificationSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == id, ct);
        return Json(row?.Email ?? NotificationEvents.EmailDefaults);
    }

    public async Task<NotificationSettingsJson> ExecuteAsync(IReadOnlyList<string> email, CancellationToken ct)
    {
        var id = user.Id;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<NotificationSettings>().SingleOrDefaultAsync(s => s.UserId == id, ct);
            if (row is null) db.Add(row = new NotificationSettings(id, email, time.GetUtcNow()));
            else row.Change(email, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
                return Json(row.Email);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < 3)
            {
                // a concurrent first save created the row; change it instead
            }
        }
    }

    private static NotificationSettingsJson Json(IReadOnlySet<string> email) =>
        new([.. NotificationEvents.All.Select(e => e.Kind).Where(email.Contains)], NotificationEvents.All);
}
