using System.Text.Json;
using Firebreak.Domain.Common;
using Firebreak.Domain.Projects;

namespace Firebreak.Web.Features.Projects;

/// <summary>
/// The stored and wire form of a <see cref="SecurityPolicy"/>: durations in whole seconds, enums
/// by kebab-case name. Converting back goes through the policy's validating methods.
/// </summary>
internal sealed record PolicyDocument(
    IReadOnlyList<PolicyDocument.SeverityRow> SeverityTable,
    IReadOnlyList<string> UserSafetyClasses,
    long AcknowledgementSeconds,
    long FixTargetSeconds,
    long UserSafetyFixTargetSeconds,
    long DisclosureWindowSeconds,
    IReadOnlyDictionary<string, string> RoleHolders,
    long? ExploitedDisclosureWindowSeconds = null,
    IReadOnlyDictionary<string, long>? PostMortemSeconds = null,
    long? CveAssignmentSeconds = null,
    long? CveRecordPublicationSeconds = null,
    long? ReservedIdRetentionSeconds = null,
    bool? PublishResponseTimes = null,
    IReadOnlyList<PolicyDocument.AddedRoleRow>? AddedRoles = null)
{
    internal sealed record AddedRoleRow(string Name, string? Description);

    internal sealed record SeverityRow(string Severity, string Examples, long FirstActionSeconds);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PolicyDocument From(SecurityPolicy policy) => new(
        [.. policy.SeverityTable.Select(r => new SeverityRow(r.Severity.ToWire(), r.Examples, (long)r.FirstAction.TotalSeconds))],
        [.. policy.UserSafetyClasses],
        (long)policy.Acknowledgement.TotalSeconds,
        (long)policy.FixTarget.TotalSeconds,
        (long)policy.UserSafetyFixTarget.TotalSeconds,
        (long)policy.DisclosureWindow.TotalSeconds,
        policy.RoleHolders.ToDictionary(kv => kv.Key.Name, kv => kv.Value),
        (long)policy.ExploitedDisclosureWindow.TotalSeconds,
        Enum.GetValues<Severity>().ToDictionary(s => s.ToWire(), s => (long)policy.PostMortemFor(s).TotalSeconds),
        (long)policy.CveAssignment.TotalSeconds,
        (long)policy.CveRecordPublication.TotalSeconds,
        (long)policy.ReservedIdRetention.TotalSeconds,
        policy.PublishResponseTimes,
        [.. policy.AddedRoles.Select(r => new AddedRoleRow(r.Role.Name, r.Description))]);

    public SecurityPolicy ToPolicy()
    {
        if (SeverityTable is null || SeverityTable.Any(r => r is null))
            throw new DomainException("The policy needs a severityTable with one row for each severity.");
        if (UserSafetyClasses is null) throw new DomainException("The policy needs a userSafetyClasses list (it may be empty).");
        var policy = SecurityPolicy.Default
            .WithSeverityTable(SeverityTable.Select(r => new SeverityClass(
                WireNames.Parse<Severity>(r.Severity, "severity"), r.Examples, Seconds(r.FirstActionSeconds, $"firstActionSeconds of {r.Severity}"))))
            .WithUserSafetyClasses(UserSafetyClasses)
            .WithWindows(Seconds(AcknowledgementSeconds, "acknowledgementSeconds"), Seconds(FixTargetSeconds, "fixTargetSeconds"),
                Seconds(UserSafetyFixTargetSeconds, "userSafetyFixTargetSeconds"), Seconds(DisclosureWindowSeconds, "disclosureWindowSeconds"));
        if (ExploitedDisclosureWindowSeconds is { } exploited)
            policy = policy.WithExploitedDisclosureWindow(Seconds(exploited, "exploitedDisclosureWindowSeconds"));
        // Absent in policies stored before post-mortems had windows: the defaults apply.
        if (PostMortemSeconds is { } postMortem)
            policy = policy.WithPostMortemWindows(postMortem.Select(kv =>
                KeyValuePair.Create(WireNames.Parse<Severity>(kv.Key, "severity"), Seconds(kv.Value, $"postMortemSeconds of {kv.Key}"))));
        // Absent in policies stored before the CVE clocks: the CNA rules' defaults apply to whichever is missing.
        if (CveAssignmentSeconds is not null || CveRecordPublicationSeconds is not null || ReservedIdRetentionSeconds is not null)
            policy = policy.WithCveWindows(
                CveAssignmentSeconds is { } assign ? Seconds(assign, "cveAssignmentSeconds") : policy.CveAssignment,
                CveRecordPublicationSeconds is { } record ? Seconds(record, "cveRecordPublicationSeconds") : policy.CveRecordPublication,
                ReservedIdRetentionSeconds is { } unused ? Seconds(unused, "reservedIdRetentionSeconds") : policy.ReservedIdRetention);
        if (PublishResponseTimes is { } publish) policy = policy.WithPublishResponseTimes(publish);
        if (AddedRoles is not null)
        {
            if (AddedRoles.Any(r => r is null)) throw new DomainException("addedRoles: every entry needs a name.");
            policy = policy.WithAddedRoles(AddedRoles.Select(r => new AddedRole(Role.Parse(r.Name, "addedRoles"), r.Description ?? "")));
        }
        foreach (var (role, holder) in RoleHolders ?? new Dictionary<string, string>())
        {
            policy = policy.WithRoleHolder(Role.Parse(role, "roleHolders"), holder);
        }
        return policy;
    }

    /// <summary>Whole seconds as a duration; anything beyond ten years is refused before it can overflow.</summary>
    private static TimeSpan Seconds(long seconds, string what) =>
        seconds is > 0 and <= 3660L * 24 * 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new DomainException($"{what} must be between 1 and {3660L * 24 * 3600} seconds; got {seconds}.");

    public static string Serialize(SecurityPolicy policy) => JsonSerializer.Serialize(From(policy), Json);

    public static SecurityPolicy Deserialize(string json) =>
        (JsonSerializer.Deserialize<PolicyDocument>(json, Json) ?? throw new InvalidOperationException("Stored policy is null.")).ToPolicy();
}
