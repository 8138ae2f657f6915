using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class YarnLockTests
{
    private const string Folder = "javascript-yarnlock";

    private static IReadOnlyList<LockfileComponent> Read(string file) => YarnLock.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_EveryFileReads() =>
        Assert.Equal(26, LockfileFixtures.AssertEvery(Folder, (text, file) => YarnLock.Parse(text, file)));

    [Theory]
    [InlineData("one-package.v1.lock", new[] { "pkg:npm/balanced-match@1.0.2" })]
    [InlineData("one-package.v2.lock", new[] { "pkg:npm/balanced-match@1.0.2" })]
    [InlineData("no-version.v1.lock", new[] { "pkg:npm/balanced-match@1.0.2" })]
    [InlineData("two-packages.v1.lock", new[] { "pkg:npm/concat-map@0.0.1", "pkg:npm/concat-stream@1.6.2" })]
    [InlineData("two-packages.v2.lock", new[] { "pkg:npm/compare-func@2.0.0", "pkg:npm/concat-map@0.0.1" })]
    [InlineData("with-quotes.v1.lock", new[] { "pkg:npm/concat-map@0.0.1", "pkg:npm/concat-stream@1.6.2" })]
    [InlineData("with-quotes.v2.lock", new[] { "pkg:npm/compare-func@2.0.0", "pkg:npm/concat-map@0.0.1" })]
    [InlineData("multiple-constraints.v1.lock", new[] { "pkg:npm/domelementtype@1.3.1", "pkg:npm/%40babel/code-frame@7.12.13" })]
    [InlineData("multiple-versions.v1.lock", new[] { "pkg:npm/define-properties@1.1.3", "pkg:npm/define-property@0.2.5", "pkg:npm/define-property@1.0.0", "pkg:npm/define-property@2.0.2" })]
    [InlineData("multiple-versions.v2.lock", new[] { "pkg:npm/debug@4.3.3", "pkg:npm/debug@2.6.9", "pkg:npm/debug@3.2.7" })]
    [InlineData("scoped-packages.v1.lock", new[] { "pkg:npm/%40babel/code-frame@7.12.11", "pkg:npm/%40babel/compat-data@7.14.0" })]
    [InlineData("scoped-packages.v2.lock", new[] { "pkg:npm/%40babel/cli@7.16.8", "pkg:npm/%40babel/code-frame@7.16.7", "pkg:npm/%40babel/compat-data@7.16.8" })]
    [InlineData("with-aliases.v1.lock", new[] { "pkg:npm/ansi-regex@5.0.1", "pkg:npm/ansi-regex@6.0.1", "pkg:npm/%40babel/helper-validator-identifier@7.22.20" })]
    [InlineData("with-aliases.v2.lock", new[] { "pkg:npm/ansi-regex@5.0.1", "pkg:npm/ansi-regex@6.0.1", "pkg:npm/%40babel/helper-validator-identifier@7.22.20" })]
    [InlineData("with-build-string.v1.lock", new[] { "pkg:npm/tslib@2.6.2" })]
    [InlineData("with-build-string.v2.lock", new[] { "pkg:npm/tslib@2.6.2" })]
    [InlineData("with-prerelease.v2.lock", new[] { "pkg:npm/%40nicolo-ribaudo/chokidar-2@2.1.8-no-fsevents.3", "pkg:npm/gensync@1.0.0-beta.2" })]
    [InlineData("files.v1.lock", new[] { "pkg:npm/etag@1.8.1", "pkg:npm/lodash@1.3.1" })]
    [InlineData("exclude-root.v2.lock", new[] { "pkg:npm/ansi-regex@6.1.0" })]
    [InlineData("commits.v1.lock", new string[0])]
    [InlineData("commits.v2.lock", new string[0])]
    [InlineData("files.v2.lock", new string[0])]
    [InlineData("empty.v1.lock", new string[0])]
    [InlineData("empty.v2.lock", new string[0])]
    [InlineData("metadata-only.v2.lock", new string[0])]
    public void Parse_Fixture_HasExactPackages(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file)));

    [Fact]
    public void Parse_Prerelease_KeepsThePrereleaseVersions() =>
        Assert.Equal(["1.0.0-alpha.37", "1.0.0-beta.2", "3.0.0-beta.9", "1.20.0", "2.0.0-next.3"], Read("with-prerelease.v1.lock").Select(c => c.Purl.Version));

    [Fact]
    public void Parse_BerryWorkspaceDependencies_MarkDirect()
    {
        Assert.Equal([true, true, true], Read("with-aliases.v2.lock").Select(c => c.Direct));
        // zone.js asks for tslib (and domino, from git); without a workspace entry nothing can be said.
        Assert.Equal([true], Read("with-build-string.v2.lock").Select(c => c.Direct));
        Assert.Equal([null, null, null], Read("multiple-versions.v2.lock").Select(c => c.Direct));
    }

    [Fact]
    public void Parse_Yarn1_DoesNotKnowDirectOrDevelopment() =>
        Assert.All(Read("with-aliases.v1.lock"), c => Assert.Equal((null, false), (c.Direct, c.Development)));

    [Theory]
    [InlineData("a@^1:\n  version \"1.0.0\"\n   resolved x", 3, 4, "Unexpected indentation of 3")]
    [InlineData("a@^1\n  version \"1.0.0\"", 1, 5, "header must end with ':'")]
    [InlineData("  version \"1.0.0\"", 1, 3, "before any entry")]
    [InlineData("a@^1:\n  resolved \"https://r/a/-/a-1.0.0.tgz\"\n", 1, 1, "'a@^1' has no version")]
    [InlineData("\"a@^1:\n  version \"1\"", 1, 6, "quoted string is not closed")]
    [InlineData("a@^1:\n  version 1 2", 2, 3, "A field is 'name value'")]
    [InlineData("__metadata:\n  version: 6\n\"a@npm:^1\":\n  version: 1.0.0\n", 4, 3, "'a@npm:^1' has no resolution")]
    [InlineData("__metadata:\n  version: 6\n\"a@npm:^1\": [x", 4, 1, "Not valid YAML")]
    [InlineData("__metadata:\n  version: 6\n\"a@npm:^1\": 5\n", 3, 13, "must be a mapping")]
    public void Parse_Malformed_SaysWhere(string text, int line, int column, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => YarnLock.Parse(text, "yarn.lock"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_DeeplyNestedYaml_FailsBeforeParsing()
    {
        var text = "__metadata:\n  version: 6\nx: " + new string('[', 10_000);
        Assert.Contains("Nested more than", Assert.Throws<LockfileFormatException>(() => YarnLock.Parse(text, "yarn.lock")).Message, StringComparison.Ordinal);
    }
}
