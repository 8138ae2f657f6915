using Firebreak.Domain.Common;
using Firebreak.Domain.Playbooks;
using Firebreak.Domain.Projects;

namespace Firebreak.Domain.Tests.Projects;

public class RoleTests
{
    [Theory]
    [InlineData("crypto-reviewer", "crypto-reviewer")]
    [InlineData("  Legal-Counsel ", "legal-counsel")]
    [InlineData("a1", "a1")]
    public void Parse_KebabCaseNames_AreRoles(string text, string name) => Assert.Equal(name, Role.Parse(text).Name);

    [Theory]
    [InlineData("")]
    [InlineData("crypto reviewer")]
    [InlineData("-reviewer")]
    [InlineData("reviewer-")]
    [InlineData("crypto--reviewer")]
    [InlineData("1st-responder")]
    [InlineData("rôle")]
    [InlineData("a-role-whose-name-is-far-longer-than-forty-characters")]
    public void Parse_AnythingElse_SaysWhatARoleNameIs(string text)
    {
        var e = Assert.Throws<DomainException>(() => Role.Parse(text, "roleHolders"));
        Assert.StartsWith("roleHolders: '", e.Message, StringComparison.Ordinal);
        Assert.Contains("lower case with hyphens", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIn_AreExactlyTheMemberRoles()
    {
        Assert.Equal(Enum.GetValues<AccessRole>().Order(), Role.BuiltIn.Select(r => r.Access!.Value).Order());
        Assert.All(Enum.GetValues<AccessRole>(), a => Assert.Equal(a, Role.Of(a).Access));
        Assert.Null(Role.Parse("crypto-reviewer").Access);
        Assert.False(Role.Parse("crypto-reviewer").IsBuiltIn);
        Assert.Equal("triage owner", Role.TriageOwner.Title);
    }

    [Fact]
    public void BuiltInPlaybooks_NameOnlyBuiltInRoles_SoEveryStepFallsToAMember()
    {
        var steps = PlaybookCatalog.BuiltIn().All.SelectMany(p => p.Steps.Select(s => (p.Id, s.Id, s.Role))).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.True(s.Role.IsBuiltIn, $"{s.Item1}/{s.Item2} names '{s.Role}'"));
        // Every built-in role has work in some playbook.
        Assert.Equal(Role.BuiltIn.Order(), steps.Select(s => s.Role).Distinct().Order());
    }

    [Fact]
    public void AddedRoles_CanBeHeld_AndLeavingThemDropsTheirHolders()
    {
        var crypto = Role.Parse("crypto-reviewer");
        var policy = SecurityPolicy.Default.WithAddedRoles([new AddedRole(crypto, " Reviews cryptography ")]).WithRoleHolder(crypto, "carol@example.test");
        Assert.Equal([.. Role.BuiltIn, crypto], policy.Roles);
        Assert.Equal("Reviews cryptography", policy.DescriptionOf(crypto));
        Assert.Equal("carol@example.test", policy.RoleHolders[crypto]);

        var without = policy.WithAddedRoles([]);
        Assert.False(without.RoleHolders.ContainsKey(crypto));
        Assert.Null(without.DescriptionOf(crypto));
    }

    [Fact]
    public void AddedRoles_BuiltInNamesTwiceOrTooMany_AreRefused()
    {
        Assert.Contains("built-in role", Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithAddedRoles([new AddedRole(Role.Board, "")])).Message, StringComparison.Ordinal);
        var twice = Role.Parse("legal");
        Assert.Contains("given twice", Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithAddedRoles([new AddedRole(twice, ""), new AddedRole(twice, "")])).Message, StringComparison.Ordinal);
        var many = Enumerable.Range(0, SecurityPolicy.MaxAddedRoles + 1).Select(i => new AddedRole(Role.Parse($"r{i}"), ""));
        Assert.Contains("at most", Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithAddedRoles(many)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRoleHolder_ForARoleTheProjectDoesNotHave_NamesItsRoles()
    {
        var e = Assert.Throws<DomainException>(() => SecurityPolicy.Default.WithRoleHolder(Role.Parse("crypto-reviewer"), "carol@example.test"));
        Assert.Contains("'crypto-reviewer' is not a role of this project", e.Message, StringComparison.Ordinal);
        Assert.Contains("admin, triage-owner, incident-manager, release-engineer, reviewer, board", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeverityExamples_DefaultNeutral_RunbookOnRequest_DeadlinesKept()
    {
        Assert.All(SecurityPolicy.Default.SeverityTable, row => Assert.Equal(SeverityPresets.Neutral.Examples[row.Severity], row.Examples));
        var longer = SecurityPolicy.Default.WithSeverityTable(SecurityPolicy.Default.SeverityTable.Select(r => new SeverityClass(r.Severity, r.Examples, r.FirstAction * 2)));
        var runbook = longer.WithSeverityExamples(SeverityPresets.Find("RUNBOOK").Examples);
        Assert.Contains("Vault key extraction", runbook.SeverityTable[0].Examples, StringComparison.Ordinal);
        Assert.Equal(longer.SeverityTable.Select(r => r.FirstAction), runbook.SeverityTable.Select(r => r.FirstAction));
        Assert.Contains("neutral or runbook", Assert.Throws<DomainException>(() => SeverityPresets.Find("vault")).Message, StringComparison.Ordinal);
    }
}
