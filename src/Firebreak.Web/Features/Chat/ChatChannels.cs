using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Chat;

/// <summary>Reading, removing and testing a project's channels (adding is <see cref="AddChatChannel"/>).</summary>
internal sealed class ChatChannels(FirebreakDbContext db, ChatOutbox outbox, SendChatDeliveries send, AuditTrail audit)
{
    /// <summary>What binds a channel's protected secret to its project and channel: a copy moved to another row does not reveal.</summary>
    public static string[] Binding(ChatChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return [channel.ProjectId.ToString(), channel.Id.ToString()];
    }

    public Task<List<ChatChannel>> ListAsync(Guid projectId, CancellationToken ct) =>
        db.Set<ChatChannel>().AsNoTracking().Where(c => c.ProjectId == projectId).OrderBy(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>Removes the channel and its deliveries; false when the project has no such channel.</summary>
    public async Task<bool> RemoveAsync(Project project, Guid channelId, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (await db.Set<ChatChannel>().SingleOrDefaultAsync(c => c.Id == channelId && c.ProjectId == project.Id, ct) is not { } channel) return false;
        db.Remove(channel);
        audit.Record(actor, "chat-channel-removed", $"project {project.Slug}", $"{channel.Kind.Name()} channel '{channel.Name}' to {channel.Destination}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Queues the test message for the channel, commits it, and makes its first attempt at once (the worker retries it
    /// like any other if that fails); null when the project has no such channel.
    /// </summary>
    public async Task<ChatTestJson?> TestAsync(Project project, Guid channelId, string link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (await db.Set<ChatChannel>().SingleOrDefaultAsync(c => c.Id == channelId && c.ProjectId == project.Id, ct) is not { } channel) return null;
        var delivery = await outbox.AddTestAsync(channel, project.Name, link, ct);
        await db.SaveChangesAsync(ct);
        var attempt = await send.DeliverAsync(delivery.Id, ct) ?? await WorkerAttemptAsync(delivery.Id, ct);
        return new ChatTestJson(delivery.Id, attempt?.Succeeded == true, attempt?.Status, attempt?.Error);
    }

    /// <summary>Another server's worker took the test delivery first: its attempt, once recorded (it ends within the lease).</summary>
    private async Task<ChatDeliveryAttempt?> WorkerAttemptAsync(Guid deliveryId, CancellationToken ct)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await db.Set<ChatDeliveryAttempt>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderByDescending(a => a.At).FirstOrDefaultAsync(ct) is { } attempt)
                return attempt;
            await Task.Delay(100, ct);
        }
        return null;
    }
}
