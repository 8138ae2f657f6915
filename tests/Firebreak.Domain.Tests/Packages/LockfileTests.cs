using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class LockfileTests
{
    [Theory]
    [InlineData("yarn.lock", LockfileFormat.Yarn)]
    [InlineData("web/pnpm-lock.yaml", LockfileFormat.Pnpm)]
    [InlineData("src/App/packages.lock.json", LockfileFormat.NuGet)]
    [InlineData("poetry.lock", LockfileFormat.Poetry)]
    [InlineData("requirements.txt", LockfileFormat.Requirements)]
    [InlineData("requirements-dev.txt", LockfileFormat.Requirements)]
    [InlineData("go.mod", LockfileFormat.GoMod)]
    [InlineData("Gemfile.lock", LockfileFormat.Gemfile)]
    [InlineData("gems.locked", LockfileFormat.Gemfile)]
    [InlineData("package-lock.json", LockfileFormat.Npm)]
    [InlineData("npm-shrinkwrap.json", LockfileFormat.Npm)]
    public void TryDetect_KnownName_ChoosesTheReader(string fileName, LockfileFormat expected)
    {
        Assert.True(Lockfile.TryDetect(fileName, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("Cargo.lock")]
    [InlineData("bom.json")]
    [InlineData("go.sum")]
    [InlineData("constraints.txt")]
    [InlineData("yarn.lock.bak")]
    public void TryDetect_OtherName_IsFalse(string fileName) => Assert.False(Lockfile.TryDetect(fileName, out _));

    [Fact]
    public void Read_UnknownName_IsAProgrammerError() =>
        Assert.Throws<ArgumentException>(() => Lockfile.Read("Cargo.lock", ""));

    [Fact]
    public void Read_PackageLock_UsesTheNpmReader()
    {
        var contents = Lockfile.Read("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"\": {}, \"node_modules/a\": {\"version\": \"1.0.0\", \"dev\": true}}}");
        var component = Assert.Single(contents.Components);
        Assert.Equal(("pkg:npm/a@1.0.0", (bool?)null, true), (component.Purl.ToString(), component.Direct, component.Development));
    }

    [Fact]
    public void Read_PackageLockV3_DirectFromTheProjectAndWorkspaceDependencyLists()
    {
        const string text = """
            {"lockfileVersion": 3, "packages": {
              "": {"dependencies": {"a": "^1.0.0"}, "devDependencies": {"b": "^2.0.0"}, "workspaces": ["packages/w"]},
              "packages/w": {"dependencies": {"e": "^5.0.0"}},
              "node_modules/a": {"version": "1.0.0", "dependencies": {"c": "^3.0.0"}},
              "node_modules/b": {"version": "2.0.0", "dev": true},
              "node_modules/c": {"version": "3.0.0"},
              "node_modules/e": {"version": "5.0.0"},
              "node_modules/c/node_modules/a": {"version": "0.9.0"}
            }}
            """;
        var direct = Lockfile.Read("package-lock.json", text).Components.ToDictionary(c => c.Purl.ToString(), c => c.Direct);
        Assert.Equal(true, direct["pkg:npm/a@1.0.0"]);
        Assert.Equal(true, direct["pkg:npm/b@2.0.0"]);
        Assert.Equal(true, direct["pkg:npm/e@5.0.0"]);
        Assert.Equal(false, direct["pkg:npm/c@3.0.0"]); // hoisted to the top, but only a's dependency
        Assert.Equal(false, direct["pkg:npm/a@0.9.0"]); // the same name nested under c is not the project's copy
    }

    [Fact]
    public void Read_SamePackageDevAndShipped_MergesToShippedAndDirect()
    {
        const string text = "lockfileVersion: 5.3\ndependencies:\n  a: 1.0.0\npackages:\n  /a/1.0.0:\n    dev: true\n  registry.npmjs.org/a/1.0.0:\n    dev: false\n";
        var component = Assert.Single(Lockfile.Read("pnpm-lock.yaml", text).Components);
        Assert.Equal((true, false), (component.Direct, component.Development));
    }

    [Fact]
    public void Read_Malformed_ErrorNamesTheFile()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Lockfile.Read("app/Gemfile.lock", "GEM\n  specs:\n    broken\n"));
        Assert.Equal(("app/Gemfile.lock", 3), (error.File, error.Line));
        Assert.StartsWith("app/Gemfile.lock:3:5: ", error.Message, StringComparison.Ordinal);
    }
}
