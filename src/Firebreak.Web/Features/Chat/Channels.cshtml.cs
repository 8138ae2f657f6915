using Firebreak.Web.Features.Notifications;
using Firebreak.Domain.Projects;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Firebreak.Web.Features.Chat;

/// <summary>
/// A project's chat channels: the list for its members; adding, testing and removing for its admins. A generic webhook's
/// HMAC key is shown once, on the answer to the post that made it.
/// </summary>
[RequiresPermission(Permission.ProjectRead)]
internal sealed class ChannelsModel(ProjectAccess access, ChatChannels channels, AddChatChannel add, CurrentUser user, ChatLinks links)
    : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<ChatChannel> List { get; private set; } = [];
    public bool CanAdmin { get; private set; }

    /// <summary>The webhook key just made, on the answer to the post that made it only.</summary>
    public (string Channel, string Secret)? NewSecret { get; private set; }

    [BindProperty] public string? Kind { get; set; } = "slack";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? RoomId { get; set; }
    [BindProperty] public string? AccessToken { get; set; }
    [BindProperty] public bool Private { get; set; }
    [BindProperty] public List<string> Events { get; set; } = [.. NotificationEvents.Kinds];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var (channel, secret, error) = await add.ExecuteAsync(Project, new ChatChannelRequest(Kind, Name, Address, RoomId, AccessToken, Private, Events), user.Name, ct);
        if (channel is null)
        {
            ModelState.AddModelError("", error!);
            return Page();
        }
        if (secret is null)
        {
            TempData["Flash"] = $"Channel '{channel.Name}' added.";
            return RedirectToPage(new { slug = Slug });
        }
        await ReloadAsync(ct);
        (Name, Address, RoomId, AccessToken, Private, Events) = (null, null, null, null, false, [.. NotificationEvents.Kinds]);
        NewSecret = (channel.Name, secret);
        return Page();
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostTestAsync(Guid channelId, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var result = await channels.TestAsync(Project, channelId, links.Project(Request, Project.Slug), ct);
        TempData["Flash"] = result is null ? "That channel no longer exists."
            : result.Delivered ? "Test message delivered."
            : $"Test message not delivered: {result.Error ?? "no answer yet"}. It is retried; see the chat deliveries.";
        return RedirectToPage(new { slug = Slug });
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid channelId, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        TempData["Flash"] = await channels.RemoveAsync(Project, channelId, user.Name, ct) ? "Channel removed." : "That channel no longer exists.";
        return RedirectToPage(new { slug = Slug });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        CanAdmin = await access.CheckProjectAsync(Slug, Permission.ProjectAdmin, ct) == AccessDecision.Allowed;
        List = await channels.ListAsync(project.Id, ct);
        return true;
    }
}
