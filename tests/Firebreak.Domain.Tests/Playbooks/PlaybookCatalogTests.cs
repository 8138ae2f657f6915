using Firebreak.Domain.Playbooks;

namespace Firebreak.Domain.Tests.Playbooks;

public sealed class PlaybookCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("firebreak-playbooks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BuiltIn_HasEveryRunbookPlaybook()
    {
        var ids = PlaybookCatalog.BuiltIn().All.Select(p => p.Id).Order().ToArray();
        Assert.Equal(["ai-guardrail-bypass", "compromised-dependency", "general-incident", "kev-match", "leaked-credential",
            "release-compromise", "reported-vulnerability", "user-safety-vulnerability"], ids);
    }

    [Theory]
    [InlineData(IncidentKind.VulnerabilityReport, false, "reported-vulnerability")]
    [InlineData(IncidentKind.VulnerabilityReport, true, "user-safety-vulnerability")]
    [InlineData(IncidentKind.CompromisedDependency, false, "compromised-dependency")]
    [InlineData(IncidentKind.CompromisedDependency, true, "compromised-dependency")]
    [InlineData(IncidentKind.LeakedCredential, false, "leaked-credential")]
    [InlineData(IncidentKind.ReleaseCompromise, false, "release-compromise")]
    [InlineData(IncidentKind.KevMatch, false, "kev-match")]
    [InlineData(IncidentKind.AiGuardrailBypass, false, "ai-guardrail-bypass")]
    [InlineData(IncidentKind.Other, false, "general-incident")]
    public void DefaultFor_EachKind_PicksItsPlaybook(IncidentKind kind, bool userSafety, string expected) =>
        Assert.Equal(expected, PlaybookCatalog.BuiltIn().DefaultFor(kind, userSafety)?.Id);

    [Fact]
    public void Load_CustomFolder_AddsReplacesAndReportsInvalidFiles()
    {
        File.WriteAllText(Path.Combine(_folder, "extra.yaml"), "id: extra\ntitle: Extra\ntriggers: [other]\nsteps:\n  - { id: a, title: A, role: board }\n");
        File.WriteAllText(Path.Combine(_folder, "kev.yml"), "id: kev-match\ntitle: Our KEV\ntriggers: [kev-match]\nsteps:\n  - { id: a, title: A, role: board }\n");
        File.WriteAllText(Path.Combine(_folder, "broken.yaml"), "id: broken\ntitle: Broken\ntriggers: [other]\nsteps:\n  - { id: a, title: A, role: \"no body\" }\n");
        File.WriteAllText(Path.Combine(_folder, "dangling.yaml"),
            "id: dangling\ntitle: D\ntriggers: [other]\nsteps:\n  - id: q\n    title: Q\n    role: board\n    kind: decision\n    options:\n      - { id: y, label: Y, handover: { playbook: nowhere, step: s } }\n      - { id: n, label: N }\n");

        var result = PlaybookCatalog.Load(PlaybookCatalog.BuiltIn().All, _folder);

        Assert.NotNull(result.Catalog.Find("extra"));
        Assert.Equal("Our KEV", result.Catalog.Find("kev-match")!.Title);
        Assert.Null(result.Catalog.Find("broken"));
        Assert.Null(result.Catalog.Find("dangling"));
        var broken = Assert.Single(result.Errors, e => e.Source.EndsWith("broken.yaml", StringComparison.Ordinal));
        Assert.Equal((5, 30), (broken.Line, broken.Column));
        Assert.Contains(result.Errors, e => e.Source.EndsWith("dangling.yaml", StringComparison.Ordinal) && e.Message.Contains("'nowhere'", StringComparison.Ordinal));
    }
}
