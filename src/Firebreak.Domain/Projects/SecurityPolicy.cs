using System.Collections.Immutable;
using Firebreak.Domain.Common;

namespace Firebreak.Domain.Projects;

/// <summary>
/// A project's security policy: the severity table, the user-safety classes that force Critical,
/// the acknowledgement, fix and disclosure windows, and who holds each role. Immutable; edits
/// produce a new policy through the <c>With…</c> methods, each validating its input.
/// </summary>
public sealed record SecurityPolicy
{
    /// <summary>The severity table, one row per class, in <see cref="Severity"/> order.</summary>
    public ImmutableArray<SeverityClass> SeverityTable { get; private init; }

    /// <summary>Kebab-case names of the user-safety classes; an incident in one is always Critical.</summary>
    public ImmutableArray<string> UserSafetyClasses { get; private init; }

    /// <summary>Time from a report's arrival to the acknowledgement being due.</summary>
    public TimeSpan Acknowledgement { get; private init; }

    /// <summary>Time from opening to a fix being released, for reported vulnerabilities.</summary>
    public TimeSpan FixTarget { get; private init; }

    /// <summary>Time from opening to a fix being released, for user-safety bugs.</summary>
    public TimeSpan UserSafetyFixTarget { get; private init; }

    /// <summary>Default time from a report to public disclosure, negotiable per incident.</summary>
    public TimeSpan DisclosureWindow { get; private init; }

    /// <summary>The longest time to disclosure once a vulnerability is exploited in the wild (the window shrinks to it).</summary>
    public TimeSpan ExploitedDisclosureWindow { get; private init; }

    /// <summary>
    /// Time from the start of an incident's post-mortem (publication, or closing without an advisory) to the board's
    /// sign-off, per effective severity; one entry per severity, a less severe class never due sooner.
    /// </summary>
    public ImmutableSortedDictionary<Severity, TimeSpan> PostMortemWindows { get; private init; } = ImmutableSortedDictionary<Severity, TimeSpan>.Empty;

    /// <summary>Time from a report confirmed valid to a CVE id recorded (the CNA rules: 72 hours).</summary>
    public TimeSpan CveAssignment { get; private init; } = TimeSpan.FromHours(72);

    /// <summary>Time from public disclosure to the CVE record published (the CNA rules: 72 hours, 24 recommended).</summary>
    public TimeSpan CveRecordPublication { get; private init; } = TimeSpan.FromHours(72);

    /// <summary>How long a reserved CVE id may stay unused before it is listed for rejection (the CNA rules ask unused ids be rejected).</summary>
    public TimeSpan ReservedIdRetention { get; private init; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Opt-in: the public policy page states the measured median acknowledgement and fix times of the last twelve months
    /// (off by default: a project decides itself to publish its record).
    /// </summary>
    public bool PublishResponseTimes { get; private init; }

    /// <summary>Turns the public statement of measured response times on or off.</summary>
    public SecurityPolicy WithPublishResponseTimes(bool publish) => this with { PublishResponseTimes = publish };

    /// <summary>Who holds each role, by the member's sign-in address or user name; a role nobody is named for falls to the members holding it.</summary>
    public ImmutableSortedDictionary<Role, string> RoleHolders { get; private init; } = ImmutableSortedDictionary<Role, string>.Empty;

    /// <summary>The roles this project adds to the built-in six (a crypto reviewer, say), in the order given.</summary>
    public ImmutableArray<AddedRole> AddedRoles { get; private init; } = [];

    /// <summary>Every role of the project: the six built in, then those it added.</summary>
    public IEnumerable<Role> Roles => Role.BuiltIn.Concat(AddedRoles.Select(r => r.Role));

    /// <summary>The most roles a project may add.</summary>
    public const int MaxAddedRoles = 20;

    /// <summary>The severity table's examples replaced by <paramref name="examples"/>, the deadlines kept.</summary>
    public SecurityPolicy WithSeverityExamples(IReadOnlyDictionary<Severity, string> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return WithSeverityTable(SeverityTable.Select(row => new SeverityClass(row.Severity, examples.GetValueOrDefault(row.Severity, row.Examples), row.FirstAction)));
    }

    /// <summary>The defaults of the runbooks this system was built from.</summary>
    public static SecurityPolicy Default { get; } = new()
    {
        SeverityTable =
        [
            new(Severity.Critical, SeverityPresets.Neutral.Examples[Severity.Critical], TimeSpan.FromHours(4)),
            new(Severity.High, SeverityPresets.Neutral.Examples[Severity.High], TimeSpan.FromHours(24)),
            new(Severity.Medium, SeverityPresets.Neutral.Examples[Severity.Medium], TimeSpan.FromHours(72)),
            new(Severity.Low, SeverityPresets.Neutral.Examples[Severity.Low], TimeSpan.FromDays(7)),
        ],
        UserSafetyClasses = ["identity-leak", "duress-detectability", "panic-wipe-defeat", "phone-home"],
        Acknowledgement = TimeSpan.FromHours(24),
        FixTarget = TimeSpan.FromDays(14),
        UserSafetyFixTarget = TimeSpan.FromDays(14),
        DisclosureWindow = TimeSpan.FromDays(90),
        ExploitedDisclosureWindow = TimeSpan.FromDays(7),
        PostMortemWindows = ImmutableSortedDictionary.CreateRange(new Dictionary<Severity, TimeSpan>
        {
            [Severity.Critical] = TimeSpan.FromDays(7),
            [Severity.High] = TimeSpan.FromDays(14),
            [Severity.Medium] = TimeSpan.FromDays(30),
            [Severity.Low] = TimeSpan.FromDays(30),
        }),
    };

    /// <summary>The post-mortem window for a severity (the default's when a stored policy predates the windows).</summary>
    public TimeSpan PostMortemFor(Severity severity) =>
        PostMortemWindows.TryGetValue(severity, out var window) ? window : Default.PostMortemWindows[severity];

    /// <summary>Replaces the post-mortem windows: one per severity, each between 1 minute and 3660 days, a less severe class never due sooner.</summary>
    public SecurityPolicy WithPostMortemWindows(IEnumerable<KeyValuePair<Severity, TimeSpan>> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var table = new SortedDictionary<Severity, TimeSpan>();
        foreach (var (severity, window) in windows)
        {
            if (!table.TryAdd(severity, window)) throw new DomainException($"The post-mortem window for {severity.ToWire()} is given twice.");
            Check(window, $"post-mortem window for {severity.ToWire()}");
        }
        if (table.Count != Enum.GetValues<Severity>().Length)
            throw new DomainException("The post-mortem windows need exactly one entry for each of critical, high, medium and low.");
        var ordered = table.ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Value < ordered[i - 1].Value)
                throw new DomainException($"The post-mortem window for {ordered[i].Key.ToWire()} is shorter than for {ordered[i - 1].Key.ToWire()}; a less severe class cannot be due sooner.");
        }
        return this with { PostMortemWindows = ImmutableSortedDictionary.CreateRange(table) };
    }

    /// <summary>The first-action deadline for a class.</summary>
    public TimeSpan FirstActionFor(Severity severity) =>
        SeverityTable.First(row => row.Severity == severity).FirstAction;

    /// <summary>True when the name is one of this policy's user-safety classes.</summary>
    public bool IsUserSafetyClass(string? name) =>
        name is not null && UserSafetyClasses.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces the severity table; it must hold exactly one row per class.</summary>
    public SecurityPolicy WithSeverityTable(IEnumerable<SeverityClass> rows)
    {
        var table = rows.OrderBy(r => r.Severity).ToImmutableArray();
        if (table.Length != Enum.GetValues<Severity>().Length || table.Select(r => r.Severity).Distinct().Count() != table.Length)
            throw new DomainException("The severity table needs exactly one row for each of critical, high, medium and low.");
        for (var i = 1; i < table.Length; i++)
        {
            if (table[i].FirstAction < table[i - 1].FirstAction)
                throw new DomainException($"The first-action deadline for {table[i].Severity.ToWire()} is shorter than for {table[i - 1].Severity.ToWire()}; a less severe class cannot be due sooner.");
        }
        return this with { SeverityTable = table };
    }

    /// <summary>Replaces the user-safety classes; names are kebab-case words.</summary>
    public SecurityPolicy WithUserSafetyClasses(IEnumerable<string> names)
    {
        var list = names.OfType<string>().Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct().ToImmutableArray();
        foreach (var name in list)
        {
            if (name.Length > 64 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                throw new DomainException($"User-safety class '{name}' must be kebab-case (a-z, 0-9, '-') and at most 64 characters.");
        }
        return this with { UserSafetyClasses = list };
    }

    /// <summary>Replaces the acknowledgement, fix and disclosure windows (the exploited window never exceeds the new disclosure window).</summary>
    public SecurityPolicy WithWindows(TimeSpan acknowledgement, TimeSpan fixTarget, TimeSpan userSafetyFixTarget, TimeSpan disclosure)
    {
        Check(acknowledgement, "acknowledgement deadline");
        Check(fixTarget, "fix target");
        Check(userSafetyFixTarget, "user-safety fix target");
        Check(disclosure, "disclosure window");
        return this with { Acknowledgement = acknowledgement, FixTarget = fixTarget, UserSafetyFixTarget = userSafetyFixTarget, DisclosureWindow = disclosure,
            ExploitedDisclosureWindow = ExploitedDisclosureWindow > disclosure ? disclosure : ExploitedDisclosureWindow };
    }

    /// <summary>Replaces the window that applies under active exploitation; it cannot exceed the normal window.</summary>
    public SecurityPolicy WithExploitedDisclosureWindow(TimeSpan window)
    {
        Check(window, "disclosure window under active exploitation");
        if (window > DisclosureWindow)
            throw new DomainException($"The disclosure window under active exploitation ({DurationText.Format(window)}) is longer than the normal one ({DurationText.Format(DisclosureWindow)}).");
        return this with { ExploitedDisclosureWindow = window };
    }

    /// <summary>Replaces the CVE windows: assignment, record publication and how long a reserved id may stay unused.</summary>
    public SecurityPolicy WithCveWindows(TimeSpan assignment, TimeSpan recordPublication, TimeSpan reservedIdRetention)
    {
        Check(assignment, "CVE assignment deadline");
        Check(recordPublication, "CVE record publication deadline");
        Check(reservedIdRetention, "unused reserved CVE id period");
        return this with { CveAssignment = assignment, CveRecordPublication = recordPublication, ReservedIdRetention = reservedIdRetention };
    }

    /// <summary>Sets or clears (with null or blank) the holder of a role, which must be one of the project's roles.</summary>
    public SecurityPolicy WithRoleHolder(Role role, string? holder)
    {
        if (string.IsNullOrWhiteSpace(holder)) return this with { RoleHolders = RoleHolders.Remove(role) };
        if (!Roles.Contains(role))
            throw new DomainException($"roleHolders: '{role}' is not a role of this project; its roles are {string.Join(", ", Roles)} (add a role first).");
        return this with { RoleHolders = RoleHolders.SetItem(role, Limit(holder.Trim(), 200, "role holder")) };
    }

    /// <summary>
    /// Replaces the roles the project adds: each a new name (not a built-in one, not given twice) and what its holder
    /// does. Holders named for a role no longer there are dropped.
    /// </summary>
    public SecurityPolicy WithAddedRoles(IEnumerable<AddedRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToImmutableArray();
        if (list.Length > MaxAddedRoles) throw new DomainException($"addedRoles: a project may add at most {MaxAddedRoles} roles; {list.Length} were given.");
        var seen = new HashSet<Role>();
        foreach (var added in list)
        {
            if (added.Role.IsBuiltIn) throw new DomainException($"addedRoles: '{added.Role}' is a built-in role; an added role needs a name of its own.");
            if (!seen.Add(added.Role)) throw new DomainException($"addedRoles: '{added.Role}' is given twice.");
        }
        var described = list.Select(r => r with { Description = Limit((r.Description ?? "").Trim(), 200, $"description of role {r.Role}") }).ToImmutableArray();
        var kept = RoleHolders.Where(h => h.Key.IsBuiltIn || seen.Contains(h.Key));
        return this with { AddedRoles = described, RoleHolders = ImmutableSortedDictionary.CreateRange(kept) };
    }

    /// <summary>What a role's holder does: the built-in description, or the one the project gave; null for a role the project does not have.</summary>
    public string? DescriptionOf(Role role) =>
        role.IsBuiltIn ? BuiltInDescriptions[role] : AddedRoles.FirstOrDefault(r => r.Role == role)?.Description;

    private static readonly ImmutableDictionary<Role, string> BuiltInDescriptions = new Dictionary<Role, string>
    {
        [Role.Admin] = "Runs the project (settings, people) and leads the technical work of a response: assessment and fix.",
        [Role.TriageOwner] = "Receives reports: acknowledges, triages, corresponds with reporters.",
        [Role.IncidentManager] = "Coordinates a response end to end: the reporter, the board, the advisory and the disclosure.",
        [Role.ReleaseEngineer] = "Cuts, signs and publishes releases; rotates publish credentials.",
        [Role.Reviewer] = "Reviews and verifies fixes and advisories; works steps.",
        [Role.Board] = "The governing board: told of critical reports, signs post-mortems off; reads everything, changes nothing else.",
    }.ToImmutableDictionary();

    private static void Check(TimeSpan span, string what)
    {
        if (span <= TimeSpan.Zero || span > TimeSpan.FromDays(3660))
            throw new DomainException($"The {what} must be between 1 minute and 3660 days.");
    }

    private static string Limit(string text, int max, string what) =>
        text.Length <= max ? text : throw new DomainException($"The {what} is longer than {max} characters.");
}
