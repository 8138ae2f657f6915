using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Domain.Tests.Playbooks;

public class PlaybookRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly PlaybookCatalog Catalog = PlaybookCatalog.BuiltIn();
    private static readonly PlaybookDefinition Dependency = Catalog.Find("compromised-dependency")!;
    private static readonly PlaybookDefinition Kev = Catalog.Find("kev-match")!;
    private static readonly Dictionary<string, string> NoEvidence = [];

    private static StepStatus Status(PlaybookRun run, string step) => run.Steps.Single(s => s.StepId == step).Status;

    [Theory]
    [InlineData("on-release-path", new[] { "pin-rollback", "confirm-green", "audit-usage", "issue-vex", "patch-release", "publish-advisory", "long-term" }, new[] { "ban-dependency" })]
    [InlineData("not-on-release-path", new[] { "ban-dependency", "long-term" }, new[] { "pin-rollback", "confirm-green", "audit-usage", "issue-vex", "patch-release", "publish-advisory" })]
    public void Decide_Triage_EnablesOneBranchAndRulesOutTheOther(string answer, string[] actionable, string[] ruledOut)
    {
        var run = PlaybookRun.Start(Dependency, Now);
        Assert.Equal("triage", run.WaitingOn(Dependency, "pin-rollback")?.Id);
        Assert.True(run.IsActionable(Dependency, "long-term"));

        run.Decide(Dependency, "triage", answer, "alice", NoEvidence, Now);

        Assert.All(actionable, s => Assert.True(run.IsActionable(Dependency, s), s));
        Assert.All(ruledOut, s => Assert.Equal(StepStatus.NotApplicable, Status(run, s)));
        Assert.Equal(Now.UtcDateTime, run.FirstCompletedAt);
    }

    [Fact]
    public void Complete_StepWaitingOnDecision_NamesTheDecision()
    {
        var run = PlaybookRun.Start(Dependency, Now);
        var e = Assert.Throws<DomainException>(() => run.Complete(Dependency, "pin-rollback", "a", NoEvidence, Now));
        Assert.Contains("waits on the decision 'Is the dependency on our release path?'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_Decision_RegatesRuledOutStepsAndKeepsDoneOnes()
    {
        var run = PlaybookRun.Start(Dependency, Now);
        run.Decide(Dependency, "triage", "on-release-path", "a", NoEvidence, Now);
        run.Complete(Dependency, "pin-rollback", "a", NoEvidence, Now);

        run.Reopen(Dependency, "triage", "a", Now);

        Assert.Equal(StepStatus.Pending, Status(run, "ban-dependency"));
        Assert.Equal("triage", run.WaitingOn(Dependency, "ban-dependency")?.Id);
        Assert.Equal(StepStatus.Done, Status(run, "pin-rollback"));
    }

    [Fact]
    public void Decide_KevReal_EndsRunAndHandsOverToPinRollback()
    {
        var run = PlaybookRun.Start(Kev, Now);
        var transition = run.Decide(Kev, "confirm", "real", "a", NoEvidence, Now);

        Assert.Equal(new PlaybookHandover("compromised-dependency", "pin-rollback"), transition.Handover);
        Assert.Equal(Now.UtcDateTime, run.EndedAt);
        Assert.Equal("handed over to compromised-dependency at pin-rollback", run.EndReason);
        Assert.Equal(StepStatus.NotApplicable, Status(run, "read-output"));
        Assert.Throws<DomainException>(() => run.Complete(Kev, "rerun-check", "a", NoEvidence, Now));
    }

    [Fact]
    public void Start_AtPinRollback_TakesTheImpliedAnswerAndRulesOutTheOtherBranch()
    {
        var run = PlaybookRun.Start(Dependency, Now, "pin-rollback", sequence: 1);
        var triage = run.Steps.Single(s => s.StepId == "triage");
        Assert.Equal((StepStatus.NotApplicable, "on-release-path"), (triage.Status, triage.DecisionOptionId));
        Assert.True(run.IsActionable(Dependency, "pin-rollback"));
        Assert.Equal(StepStatus.NotApplicable, Status(run, "ban-dependency"));
        Assert.Equal(1, run.Sequence);
    }

    [Fact]
    public void Decide_KevFalsePositive_MakesVexStepActionable()
    {
        var run = PlaybookRun.Start(Kev, Now);
        run.Decide(Kev, "confirm", "false-positive", "a", NoEvidence, Now);
        Assert.True(run.IsActionable(Kev, "record-vex-not-affected"));
        var done = run.Complete(Kev, "record-vex-not-affected", "a", new Dictionary<string, string> { ["justification"] = "vulnerable_code_not_in_execute_path" }, Now);
        Assert.Equal(StepStatus.Done, done.Status);
        Assert.Equal("vulnerable_code_not_in_execute_path", run.Steps.Single(s => s.StepId == "record-vex-not-affected").Evidence["justification"]);
    }

    [Theory]
    [InlineData("justification", "not_a_justification", "must be one of")]
    [InlineData("vex", "ftp://example.org/x", "absolute http(s) link")]
    [InlineData("colour", "red", "asks for no evidence 'colour'")]
    public void Complete_BadEvidence_IsRefusedNamingTheField(string key, string value, string message)
    {
        var run = PlaybookRun.Start(Kev, Now);
        run.Decide(Kev, "confirm", "false-positive", "a", NoEvidence, Now);
        var evidence = new Dictionary<string, string> { ["justification"] = "component_not_present", [key] = value };
        var e = Assert.Throws<DomainException>(() => run.Complete(Kev, "record-vex-not-affected", "a", evidence, Now));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_MissingRequiredEvidence_NamesIt()
    {
        var run = PlaybookRun.Start(Kev, Now);
        run.Decide(Kev, "confirm", "false-positive", "a", NoEvidence, Now);
        var e = Assert.Throws<DomainException>(() => run.Complete(Kev, "record-vex-not-affected", "a", NoEvidence, Now));
        Assert.Contains("needs: OpenVEX justification", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IllegalMoves_AreRefused()
    {
        var run = PlaybookRun.Start(Kev, Now);
        Assert.Throws<DomainException>(() => run.Skip(Kev, "read-output", "a", "  ", Now));
        Assert.Throws<DomainException>(() => run.Complete(Kev, "confirm", "a", NoEvidence, Now));
        Assert.Throws<DomainException>(() => run.Decide(Kev, "read-output", "real", "a", NoEvidence, Now));
        Assert.Throws<DomainException>(() => run.Decide(Kev, "confirm", "maybe", "a", NoEvidence, Now));
        Assert.Throws<DomainException>(() => run.Complete(Kev, "no-such-step", "a", NoEvidence, Now));
        Assert.Throws<DomainException>(() => run.Reopen(Kev, "read-output", "a", Now));
        run.Complete(Kev, "read-output", "a", NoEvidence, Now);
        Assert.Throws<DomainException>(() => run.Complete(Kev, "read-output", "a", NoEvidence, Now));
    }
}
