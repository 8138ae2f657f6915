using CsCheck;
using Firebreak.Domain.Playbooks;

namespace Firebreak.Domain.Tests.Playbooks;

public class PlaybookParserTests
{
    private const string Valid = """
        id: sample
        title: Sample
        triggers: [other]
        steps:
          - id: decide
            title: Decide
            kind: decision
            role: triage-owner
            options:
              - { id: a, label: A, next: [do-a] }
              - { id: b, label: B, next: [do-b] }
          - id: do-a
            title: Do A
            role: release-engineer
            deadline: 4h
            marks: fix-released
            evidence:
              - { id: link, label: Link, kind: link, required: true }
          - id: do-b
            title: Do B
            role: board
        """;

    [Fact]
    public void Parse_Valid_BuildsModel()
    {
        var p = PlaybookParser.Parse(Valid, "sample.yaml");
        Assert.Equal("sample", p.Id);
        Assert.Equal([IncidentKind.Other], p.Triggers);
        Assert.Equal(3, p.Steps.Count);
        Assert.Equal(StepKind.Decision, p.Steps[0].Kind);
        Assert.Equal(["do-a"], p.Steps[0].Options[0].Next);
        Assert.Equal(TimeSpan.FromHours(4), p.Steps[1].Deadline);
        Assert.Equal(PlaybookEvent.FixReleased, p.Steps[1].Marks);
        Assert.True(p.Steps[1].Evidence[0].Required);
    }

    [Theory]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n    colour: red\n", 8, 5, "Unknown key 'colour'")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: Night Janitor!\n", 7, 11, "The role 'Night Janitor!' of step 'a' is not a role name")]
    [InlineData("id: x\ntitle: X\ntriggers: [toaster]\nsteps:\n  - id: a\n    title: A\n    role: board\n", 3, 12, "'toaster' is not an incident kind")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n    deadline: soon\n", 8, 15, "'soon' is not a duration")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n  - id: a\n    title: B\n    role: board\n", 8, 5, "Duplicate step id 'a'")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n    kind: decision\n    options:\n      - { id: y, label: Y, next: [ghost] }\n      - { id: n, label: N }\n", 5, 5, "unknown step 'ghost'")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n    kind: decision\n    options:\n      - { id: y, label: Y }\n", 10, 7, "at least two options")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n    evidence:\n      - { id: c, label: C, kind: choice }\n", 9, 9, "needs 'choices'")]
    [InlineData("id: x\ntitle: [unclosed\n", 3, 1, "Malformed YAML")]
    [InlineData("a: &anchor 1\nb: *anchor\n", 1, 4, "Anchors and aliases are not allowed")]
    [InlineData("id: Bad_Id\ntitle: X\ntriggers: [other]\nsteps:\n  - id: a\n    title: A\n    role: board\n", 1, 5, "not a valid id")]
    [InlineData("id: x\ntitle: X\ntriggers: [other]\nsteps: []\n", 4, 8, "at least one step")]
    public void TryParse_Invalid_ReportsLocatedError(string yaml, int line, int column, string message)
    {
        Assert.False(PlaybookParser.TryParse(yaml, "f.yaml", out var definition, out var errors));
        Assert.Null(definition);
        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(("f.yaml", line, column), (error.Source, error.Line, error.Column));
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsThemAllInOnePass()
    {
        const string yaml = "id: x\ntitle: X\ntriggers: [nope]\nsteps:\n  - id: a\n    role: no body\n    extra: 1\n";
        Assert.False(PlaybookParser.TryParse(yaml, "f.yaml", out _, out var errors));
        Assert.True(errors.Count >= 4, string.Join(Environment.NewLine, errors));
        var thrown = Assert.Throws<PlaybookFormatException>(() => PlaybookParser.Parse(yaml, "f.yaml"));
        Assert.Equal(errors.Count, thrown.Errors.Count);
    }

    [Fact]
    public void TryParse_BillionLaughs_IsRefusedAtTheFirstAnchor()
    {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\"]\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"b{i}: &b{i} [*{(i == 0 ? "a" : $"b{i - 1}")},*{(i == 0 ? "a" : $"b{i - 1}")}]\n"));
        Assert.False(PlaybookParser.TryParse(yaml, "bomb.yaml", out _, out var errors));
        Assert.Contains("Anchors and aliases", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OverOneMebibyte_IsRefused()
    {
        Assert.False(PlaybookParser.TryParse("# " + new string('x', PlaybookParser.MaxLength), "big.yaml", out _, out var errors));
        Assert.Contains("larger than", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TwoDocuments_IsRefused()
    {
        Assert.False(PlaybookParser.TryParse(Valid + "\n---\n" + Valid, "two.yaml", out _, out var errors));
        Assert.Contains("exactly one document", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RandomText_NeverThrows() =>
        Gen.String.Sample(text =>
        {
            PlaybookParser.TryParse(text, "random.yaml", out _, out var errors);
            Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
        });
}
