using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class PnpmLockTests
{
    private const string Folder = "javascript-pnpmlock";

    private static IReadOnlyList<LockfileComponent> Read(string file) => PnpmLock.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_ValidRead_BrokenFailWithLocatedError() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) => PnpmLock.Parse(text, file), "not-yaml.txt", "invalid-path.yaml", "invalid-paths.yaml");

    [Theory]
    [InlineData("one-package.yaml", new[] { "pkg:npm/acorn@8.7.0" })]
    [InlineData("one-package-v6-lockfile.yaml", new[] { "pkg:npm/acorn@8.7.0" })]
    [InlineData("one-package.v9.yaml", new[] { "pkg:npm/acorn@8.11.3" })]
    [InlineData("scoped-packages.yaml", new[] { "pkg:npm/%40typescript-eslint/types@5.13.0" })]
    [InlineData("scoped-packages.v9.yaml", new[] { "pkg:npm/%40typescript-eslint/types@5.62.0" })]
    [InlineData("peer-dependencies.yaml", new[] { "pkg:npm/acorn-jsx@5.3.2", "pkg:npm/acorn@8.7.0" })]
    [InlineData("peer-dependencies-v6.yaml", new[] { "pkg:npm/js-tokens@4.0.0", "pkg:npm/loose-envify@1.4.0", "pkg:npm/react-dom@18.2.0", "pkg:npm/react@18.2.0", "pkg:npm/scheduler@0.23.0" })]
    [InlineData("peer-dependencies.v9.yaml", new[] { "pkg:npm/acorn-jsx@5.3.2", "pkg:npm/acorn@8.11.3" })]
    [InlineData("multiple-versions.yaml", new[] { "pkg:npm/uuid@3.3.2", "pkg:npm/uuid@8.3.2", "pkg:npm/xmlbuilder@9.0.7" })]
    [InlineData("multiple-versions.v9.yaml", new[] { "pkg:npm/uuid@8.0.0", "pkg:npm/uuid@8.3.2", "pkg:npm/xmlbuilder@11.0.1" })]
    [InlineData("tarball.yaml", new[] { "pkg:npm/%40my-org/my-package@3.2.3" })]
    [InlineData("exotic.yaml", new[] { "pkg:npm/foo@1.0.0", "pkg:npm/%40foo/bar@1.0.0", "pkg:npm/foo@1.1.0", "pkg:npm/%40foo/bar@1.1.0", "pkg:npm/foo@1.2.0", "pkg:npm/foo@1.3.0", "pkg:npm/foo@1.4.0" })]
    [InlineData("commits.yaml", new string[0])]
    [InlineData("commits.v9.yaml", new string[0])]
    [InlineData("files.yaml", new string[0])]
    [InlineData("empty.yaml", new string[0])]
    [InlineData("no-packages.yaml", new string[0])]
    [InlineData("no-packages.v9.yaml", new string[0])]
    [InlineData("missing-packages.yaml", new string[0])]
    public void Parse_Fixture_HasExactPackages(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file)));

    [Theory]
    [InlineData("mixed-groups.v53.yaml")]
    [InlineData("mixed-groups.v54.yaml")]
    [InlineData("mixed-groups.v6.yaml")]
    [InlineData("mixed-groups.v9.yaml")]
    public void Parse_MixedGroups_OnlyTheDevDependencyIsDevelopment(string file)
    {
        var components = Read(file).ToDictionary(c => c.Purl.Name);
        Assert.Equal(["ansi-regex", "is-number", "uuid"], components.Keys.Order(StringComparer.Ordinal));
        Assert.True(components["is-number"].Development);
        Assert.False(components["ansi-regex"].Development);
        Assert.False(components["uuid"].Development); // optional, but shipped
        Assert.All(components.Values, c => Assert.True(c.Direct));
    }

    [Theory]
    [InlineData("one-package-dev.v9.yaml", true)]
    [InlineData("one-package.v9.yaml", false)]
    public void Parse_V9_DevelopmentFollowsTheImporterGroup(string file, bool development) =>
        Assert.Equal(development, Assert.Single(Read(file)).Development);

    [Fact]
    public void Parse_PeerSuffixes_DirectMatchesWithoutPeers()
    {
        var v6 = Read("peer-dependencies-v6.yaml");
        Assert.Equal(["react-dom"], v6.Where(c => c.Direct == true).Select(c => c.Purl.Name));
        var v5 = Read("peer-dependencies.yaml");
        Assert.All(v5, c => Assert.True(c.Direct));
    }

    [Fact]
    public void Parse_V9_TransitiveOfDevDependencyIsDevelopment()
    {
        const string text = """
            lockfileVersion: '9.0'
            importers:
              .:
                dependencies:
                  a: {specifier: ^1, version: 1.0.0}
                devDependencies:
                  b: {specifier: ^1, version: 1.0.0(a@1.0.0)}
            packages:
              a@1.0.0: {}
              b@1.0.0: {}
              c@2.0.0: {}
              alias-target@3.0.0: {}
            snapshots:
              a@1.0.0: {}
              b@1.0.0(a@1.0.0):
                dependencies:
                  c: 2.0.0
                  d: alias-target@3.0.0
              c@2.0.0: {}
              alias-target@3.0.0: {}
            """;
        var components = PnpmLock.Parse(text, "pnpm-lock.yaml");
        Assert.Equal([false, true, true, true], components.Select(c => c.Development));
        Assert.Equal([true, true, false, false], components.Select(c => c.Direct));
    }

    [Fact]
    public void Parse_InvalidPath_NamesTheKey()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Read("invalid-path.yaml"));
        Assert.Equal((17, 3), (error.Line, error.Column));
        Assert.Contains("'invalidpath' is not a pnpm package path", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not valid yaml!", 1, 1, "is a mapping")]
    [InlineData("lockfileVersion: 5.3\npackages: [1]", 2, 11, "'packages' must be a mapping")]
    [InlineData("lockfileVersion: 5.3\npackages:\n  /a/1.0.0: {\n", 4, 1, "Not valid YAML")]
    [InlineData("packages:\n  a: 1\n  a: 2\n", 3, 3, "Not valid YAML")]
    public void Parse_Malformed_SaysWhere(string text, int line, int column, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => PnpmLock.Parse(text, "pnpm-lock.yaml"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
