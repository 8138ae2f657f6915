using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;
using Firebreak.Web.Data;
using Firebreak.Web.Infrastructure.Auth;
using Firebreak.Web.Infrastructure.Playbooks;
using Firebreak.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Firebreak.Web.Features.Projects;

[RequiresPermission(Permission.ProjectRead)]
internal sealed class SettingsModel(ProjectAccess access, FirebreakDbContext db, AddMember addMember, ChangePolicy changePolicy, PlaybookLibrary library, TimeProvider time) : PageModel, IReloadablePage
{
    [FromRoute] public string Slug { get; set; } = "";
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<(string Email, AccessRole Role)> Members { get; private set; } = [];
    public IReadOnlyList<PlaybookDefinition> Playbooks => library.Catalog.All;
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>Project administrators may download every incident's record.</summary>
    public bool CanDownloadRecord { get; private set; }

    /// <summary>The project's open action items ("open follow-ups"), soonest due first, with incident number and owner.</summary>
    public IReadOnlyList<(Firebreak.Domain.Incidents.ActionItem Item, int Number, string Owner)> OpenFollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await ReloadAsync(ct) ? Page() : NotFound();

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostSaveAsync(string? name, string? repositoryUrl, string? contacts,
        [FromForm(Name = "examples")] Dictionary<string, string> examples, [FromForm(Name = "firstAction")] Dictionary<string, string> firstAction,
        string? userSafetyClasses, string? acknowledgement, string? fixTarget, string? userSafetyFixTarget, string? disclosureWindow,
        string? exploitedDisclosureWindow, string? cveAssignment, string? cveRecordPublication, string? reservedIdRetention, bool publishResponseTimes, [FromForm(Name = "roles")] Dictionary<string, string> roles, string? addedRoles, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var policy = Project.Policy
            .WithSeverityTable(Enum.GetValues<Severity>().Select(s => new SeverityClass(s,
                examples.GetValueOrDefault(s.ToWire()) ?? "",
                DurationText.Parse(firstAction.GetValueOrDefault(s.ToWire()), $"first-action deadline for {s.ToWire()}"))))
            .WithUserSafetyClasses(NewProjectModel.Lines(userSafetyClasses))
            .WithWindows(DurationText.Parse(acknowledgement, "acknowledgement deadline"), DurationText.Parse(fixTarget, "fix target"),
                DurationText.Parse(userSafetyFixTarget, "user-safety fix target"), DurationText.Parse(disclosureWindow, "disclosure window"));
        if (!string.IsNullOrWhiteSpace(exploitedDisclosureWindow))
            policy = policy.WithExploitedDisclosureWindow(DurationText.Parse(exploitedDisclosureWindow, "disclosure window under active exploitation"));
        if (!string.IsNullOrWhiteSpace(cveAssignment) || !string.IsNullOrWhiteSpace(cveRecordPublication) || !string.IsNullOrWhiteSpace(reservedIdRetention))
            policy = policy.WithCveWindows(DurationText.Parse(cveAssignment, "CVE assignment deadline"),
                DurationText.Parse(cveRecordPublication, "CVE record publication deadline"), DurationText.Parse(reservedIdRetention, "unused reserved CVE id period"));
        policy = policy.WithPublishResponseTimes(publishResponseTimes);
        policy = policy.WithAddedRoles(ReadAddedRoles(addedRoles));
        foreach (var role in policy.Roles)
        {
            policy = policy.WithRoleHolder(role, roles.GetValueOrDefault(role.Name));
        }
        Project.Update(name ?? "", repositoryUrl, NewProjectModel.Lines(contacts));
        await changePolicy.ExecuteAsync(Project, policy, ct);
        TempData["Flash"] = "Settings saved. New incidents use them; re-triage applies them to open ones.";
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>Replaces the severity table's examples with a preset's (the deadlines stay as they are).</summary>
    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostExamplesAsync(string? preset, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        var examples = SeverityPresets.Find(preset);
        await changePolicy.ExecuteAsync(Project, Project.Policy.WithSeverityExamples(examples.Examples), ct);
        TempData["Flash"] = $"The severity table now shows {examples.Title.ToLowerInvariant()}; edit them below.";
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>
    /// The roles the project adds, one a line: a name, then optionally a colon and what its holder does
    /// ("crypto-reviewer: reviews changes touching cryptography").
    /// </summary>
    internal static IEnumerable<AddedRole> ReadAddedRoles(string? text)
    {
        foreach (var (raw, number) in (text ?? "").Split('\n').Select((l, n) => (l.Trim(), n + 1)))
        {
            if (raw.Length == 0) continue;
            var line = raw;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            yield return new AddedRole(Role.Parse(name, $"Added roles, line {number}"), colon < 0 ? "" : line[(colon + 1)..].Trim());
        }
    }

    [RequiresPermission(Permission.ProjectAdmin)]
    public async Task<IActionResult> OnPostPublishingAsync(string? packages, string? cveOrgId, [FromServices] ChangePublishing change, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await change.ExecuteAsync(Project, NewProjectModel.Lines(packages), cveOrgId, ct);
        TempData["Flash"] = $"Packages and CVE settings saved ({Project.Packages.Count} package(s)).";
        return RedirectToPage(new { slug = Slug });
    }

    /// <summary>Only an instance administrator adds accounts to a project (the form is shown only to them).</summary>
    [RequiresPermission(Permission.InstanceAdmin)]
    [RequiresRecentSignIn]
    public async Task<IActionResult> OnPostAddMemberAsync(string? email, string? role, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await addMember.ExecuteAsync(Project, email, role, ct);
        TempData["Flash"] = $"{email} can now work on {Project.Name}.";
        return RedirectToPage(new { slug = Slug });
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        if (await access.FindProjectAsync(Slug, ct) is not { } project) return false;
        Project = project;
        CanDownloadRecord = await access.CheckProjectAsync(Slug, Permission.ProjectAdmin, ct) == AccessDecision.Allowed;
        // Tuples are made in memory: PostgreSQL would return a tuple built in SQL as a record, which Npgsql does not read.
        var members = await db.ProjectMembers.Where(m => m.ProjectId == project.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role }).OrderBy(e => e.Email).ToListAsync(ct);
        Members = [.. members.Select(m => (m.Email!, m.Role))];
        var open = await db.Set<Firebreak.Domain.Incidents.ActionItem>()
            .Where(a => a.ProjectId == project.Id && a.Status == Firebreak.Domain.Incidents.ActionItemStatus.Open).ToListAsync(ct);
        var ids = open.Select(a => a.IncidentId).Distinct().ToList();
        var numbers = await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        var owners = open.Select(a => a.OwnerId).Distinct().ToList();
        var emails = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        OpenFollowUps = [.. open.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Select(a => (a, numbers[a.IncidentId], emails.GetValueOrDefault(a.OwnerId, a.OwnerId)))];
        return true;
    }
}
