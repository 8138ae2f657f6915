using Firebreak.Domain.Common;
using Firebreak.Domain.Incidents;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Incidents;

public class IncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly SecurityPolicy Policy = SecurityPolicy.Default;
    private static readonly PlaybookCatalog Catalog = PlaybookCatalog.BuiltIn();

    private static Incident Open(IncidentKind kind, Severity severity, string? userSafety = null, Reporter? reporter = null) =>
        Incident.Open(Guid.NewGuid(), 1, kind, "Title", "", severity, userSafety, reporter, Policy, "alice", Now);

    [Fact]
    public void Open_LowWithUserSafetyClass_IsCriticalWithReason()
    {
        var incident = Open(IncidentKind.VulnerabilityReport, Severity.Low, "panic-wipe-defeat");
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Equal(Severity.Low, incident.RequestedSeverity);
        Assert.Equal("user-safety class panic-wipe-defeat is always critical (requested low)", incident.SeverityReason);
    }

    [Theory]
    [InlineData(IncidentKind.VulnerabilityReport, Severity.High, null, new[] { "Acknowledgement:24", "FirstAction:24", "Fix:336", "Disclosure:2160" })]
    [InlineData(IncidentKind.VulnerabilityReport, Severity.Low, "identity-leak", new[] { "Acknowledgement:24", "FirstAction:4", "Fix:336", "Disclosure:2160" })]
    [InlineData(IncidentKind.LeakedCredential, Severity.Medium, null, new[] { "FirstAction:72" })]
    [InlineData(IncidentKind.KevMatch, Severity.Low, null, new[] { "FirstAction:168" })]
    public void Open_StartsTheClocksThePolicyNames(IncidentKind kind, Severity severity, string? userSafety, string[] expected)
    {
        var incident = Open(kind, severity, userSafety);
        var clocks = incident.Clocks.Select(c => $"{c.Kind}:{(c.DueAt - Now).TotalHours}").ToArray();
        Assert.Equal(expected, clocks);
    }

    [Fact]
    public void Retriage_MovesFirstActionAndRecordsOldAndNew()
    {
        var incident = Open(IncidentKind.Other, Severity.Low);
        incident.Retriage(Severity.High, null, Policy, "bob", Now.AddHours(1));
        Assert.Equal(Now.AddHours(24), incident.Clock(ClockKind.FirstAction)!.DueAt);
        Assert.Equal(["Severity low → high", "first-action clock due 2026-12-01 09:00:00Z → 2026-11-25 09:00:00Z"],
            incident.Timeline.Skip(1).Select(e => e.Text));
        Assert.Equal([1, 2, 3], incident.Timeline.Select(e => e.Sequence));
        Assert.Equal(3, incident.Version);
    }

    [Fact]
    public void Retriage_UnknownUserSafetyClass_IsRefused()
    {
        var incident = Open(IncidentKind.Other, Severity.Low);
        var e = Assert.Throws<DomainException>(() => incident.Retriage(Severity.Low, "bad-vibes", Policy, "bob", Now));
        Assert.Contains("'bad-vibes' is not a user-safety class", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentStage.Discovery, IncidentStage.PostMortem, true)]
    [InlineData(IncidentStage.Assessment, IncidentStage.Discovery, false)]
    [InlineData(IncidentStage.Closed, IncidentStage.Assessment, false)]
    [InlineData(IncidentStage.Rejected, IncidentStage.Discovery, true)]
    [InlineData(IncidentStage.Rejected, IncidentStage.Assessment, false)]
    [InlineData(IncidentStage.Disclosure, IncidentStage.Rejected, true)]
    public void MoveTo_FollowsTheStageRules(IncidentStage from, IncidentStage to, bool allowed)
    {
        var incident = Open(IncidentKind.Other, Severity.Low);
        if (from != IncidentStage.Discovery) incident.MoveTo(from, "a", Now, policy: SecurityPolicy.Default);
        if (allowed) incident.MoveTo(to, "a", Now, policy: SecurityPolicy.Default);
        else Assert.Throws<DomainException>(() => incident.MoveTo(to, "a", Now, policy: SecurityPolicy.Default));
        Assert.Equal(allowed ? to : from, incident.Stage);
    }

    [Fact]
    public void MoveTo_DuplicateWithoutOriginal_IsRefused()
    {
        var incident = Open(IncidentKind.Other, Severity.Low);
        Assert.Throws<DomainException>(() => incident.MoveTo(IncidentStage.Duplicate, "a", Now));
        incident.MoveTo(IncidentStage.Duplicate, "a", Now, duplicateOf: Guid.NewGuid());
        Assert.NotNull(incident.DuplicateOf);
    }

    [Fact]
    public void Steps_StopFirstActionAndMarkedClocks()
    {
        var incident = Open(IncidentKind.VulnerabilityReport, Severity.Low, "phone-home");
        incident.StartPlaybook(Catalog.Find("user-safety-vulnerability")!, "a", Now);

        incident.CompleteStep(Catalog, "acknowledge", new Dictionary<string, string>(), "a", Now.AddHours(5));

        Assert.Equal(ClockState.Met, incident.Clock(ClockKind.Acknowledgement)!.StateAt(Now.AddDays(2)));
        Assert.Equal(ClockState.Breached, incident.Clock(ClockKind.FirstAction)!.StateAt(Now.AddDays(2)));
        Assert.Contains(incident.Timeline, e => e.Text == "first-action clock stopped: first step done (breached)");
    }

    [Fact]
    public void DecideStep_Handover_StartsTheSecondRun()
    {
        var incident = Open(IncidentKind.KevMatch, Severity.High);
        incident.StartPlaybook(Catalog.Find("kev-match")!, "a", Now);
        incident.DecideStep(Catalog, "confirm", "real", new Dictionary<string, string>(), "a", Now);
        Assert.Equal(["kev-match", "compromised-dependency"], incident.Runs.Select(r => r.PlaybookId));
        Assert.Equal("compromised-dependency", incident.ActiveRun!.PlaybookId);
        Assert.Contains(incident.Timeline, e => e.Text == "Started playbook 'Compromised upstream dependency' at step 'Pin or roll back'");
    }

    [Theory]
    [InlineData("XSS", "is not a CWE identifier")]
    [InlineData("CWE-0", "is not a CWE identifier")]
    public void Details_BadCwe_IsRefused(string cwe, string message) =>
        Assert.Contains(message, Assert.Throws<DomainException>(() => new IncidentDetails(null, null, [cwe], null, null, [])).Message, StringComparison.Ordinal);

    [Fact]
    public void Details_NormalisesIdentifiersAndDeduplicates()
    {
        var details = new IncidentDetails(null, null, ["cwe-79", "CWE-79"], null, null, ["cve-2024-3094", "GHSA-XXXX-2222-MMMM", "CVE-2024-3094"]);
        Assert.Equal(["CWE-79"], details.Cwes);
        Assert.Equal(["CVE-2024-3094", "GHSA-xxxx-2222-mmmm"], details.Identifiers);
    }
}
