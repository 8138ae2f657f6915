using Firebreak.Web.Data;

namespace Firebreak.Web.Features.Disclosure;

/// <summary>Reads a project's disclosure settings (the defaults until saved) and saves a new set, for the API and the page alike.</summary>
internal sealed class ChangeDisclosureSettings(FirebreakDbContext db)
{
    public async Task<DisclosureSettings> GetAsync(Guid projectId, CancellationToken ct) =>
        await db.Set<DisclosureSettings>().FindAsync([projectId], ct) ?? DisclosureSettings.DefaultsFor(projectId);

    /// <summary>Checks every field (a <see cref="Domain.Common.DomainException"/> names the first bad one) and saves them together.</summary>
    public async Task<DisclosureSettings> ExecuteAsync(Guid projectId, DisclosureSettingsJson settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var row = await db.Set<DisclosureSettings>().FindAsync([projectId], ct);
        if (row is null) db.Add(row = DisclosureSettings.DefaultsFor(projectId));
        row.Update(settings.PrivateNoticeSubject, settings.PrivateNoticeBody, settings.AnnouncementSubject, settings.AnnouncementBody,
            settings.PrivateRecipients, settings.PublicRecipients, settings.RepositoryOwners, settings.AdvisoryBody, settings.ChangelogLine, settings.OsvPrefix);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
