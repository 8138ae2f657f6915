using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class GoModTests
{
    private const string Folder = "golang-gomod";

    private static IReadOnlyList<LockfileComponent> Read(string file) => GoMod.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_ValidRead_NotGoModFails() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) =>
        {
            // A go.sum is read together with the go.mod beside it.
            if (file.EndsWith(".sum", StringComparison.Ordinal)) GoMod.Parse(File.ReadAllText(Path.ChangeExtension(file, ".mod")), file, text);
            else GoMod.Parse(text, file);
        }, "not-go-mod.mod");

    [Theory]
    [InlineData("one-package.mod", new[] { "pkg:golang/github.com/BurntSushi/toml@v1.0.0" })]
    [InlineData("toolchain.mod", new[] { "pkg:golang/github.com/BurntSushi/toml@v1.0.0" })]
    [InlineData("toolchain-with-suffix.mod", new[] { "pkg:golang/github.com/BurntSushi/toml@v1.0.0" })]
    [InlineData("two-packages.mod", new[] { "pkg:golang/github.com/BurntSushi/toml@v1.0.0", "pkg:golang/gopkg.in/yaml.v2@v2.4.0" })]
    [InlineData("replace-one.mod", new[] { "pkg:golang/example.com/fork/net@v1.4.5" })]
    [InlineData("replace-different.mod", new[] { "pkg:golang/example.com/fork/foe@v1.4.5", "pkg:golang/example.com/fork/foe@v1.4.2" })]
    [InlineData("replace-mixed.mod", new[] { "pkg:golang/example.com/fork/net@v1.4.5", "pkg:golang/golang.org/x/net@v0.5.6" })]
    [InlineData("replace-no-version.mod", new[] { "pkg:golang/example.com/fork/net@v1.4.5", "pkg:golang/example.com/fork/net@v1.4.5" })]
    [InlineData("replace-not-required.mod", new[] { "pkg:golang/golang.org/x/net@v0.5.6", "pkg:golang/github.com/BurntSushi/toml@v1.0.0" })]
    [InlineData("replace-local.mod", new[] { "pkg:golang/github.com/BurntSushi/toml@v1.0.0" })]
    [InlineData("empty.mod", new string[0])]
    public void Parse_Fixture_HasExactModules(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file)));

    [Fact]
    public void Parse_IndirectComments_MarkTransitiveModules()
    {
        var components = Read("indirect-packages.mod");
        Assert.Equal(["toml", "yaml.v2", "go-colorable", "go-isatty", "sys"], components.Select(c => c.Purl.Name));
        Assert.Equal([true, true, false, false, false], components.Select(c => c.Direct));
        Assert.Equal("pkg:golang/golang.org/x/sys@v0.0.0-20210630005230-0f9fa26af87c", components[^1].Purl.ToString());
    }

    [Fact]
    public void Parse_Go116WithGoSum_AddsTheSumsModulesAsTransitive()
    {
        var components = GoMod.Parse(LockfileFixtures.Text(Folder, "indirect-1.16.mod"), "go.mod", LockfileFixtures.Text(Folder, "indirect-1.16.sum"));
        Assert.Equal(
            ["pkg:golang/github.com/sirupsen/logrus@v1.9.3", "pkg:golang/github.com/davecgh/go-spew@v1.1.1", "pkg:golang/github.com/pmezard/go-difflib@v1.0.0",
             "pkg:golang/github.com/stretchr/testify@v1.7.0", "pkg:golang/golang.org/x/sys@v0.0.0-20220715151400-c0bba94af5f8", "pkg:golang/gopkg.in/yaml.v3@v3.0.0-20200313102051-9f266ea9e77c"],
            LockfileFixtures.Purls(components));
        Assert.Equal([true, false, false, false, false, false], components.Select(c => c.Direct));
    }

    [Fact]
    public void Parse_Go123_IgnoresTheGoSumAndListsIndirectItself()
    {
        var components = GoMod.Parse(LockfileFixtures.Text(Folder, "indirect-1.23.mod"), "go.mod", LockfileFixtures.Text(Folder, "indirect-1.23.sum"));
        Assert.Equal([true, false], components.Select(c => c.Direct));
    }

    [Fact]
    public void Parse_MalformedGoSumForOldGoMod_FailsOnTheSumLine()
    {
        var error = Assert.Throws<LockfileFormatException>(() => GoMod.Parse("module m\ngo 1.16\n", "go.mod", LockfileFixtures.Text(Folder, "indirect-1.23.sum")));
        Assert.Equal(1, error.Line);
        Assert.Contains("go.sum line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a go.mod file!", 1, 1, "'this' is not a go.mod directive")]
    [InlineData("module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n", 3, 1, "'require (' block is not closed")]
    [InlineData("require (\n\tgithub.com/a/b\n)", 2, 2, "A requirement is 'module/path version'")]
    [InlineData("replace a/b v1 =>", 1, 9, "A replacement is")]
    [InlineData("require nodots v1.0.0", 1, 1, "'nodots v1.0.0' is not a valid Go module")]
    public void Parse_Malformed_SaysWhere(string text, int line, int column, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => GoMod.Parse(text, "go.mod"));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReplaceOfEveryVersion_MergesToOneComponent() =>
        Assert.Equal(["pkg:golang/example.com/fork/net@v1.4.5"], LockfileFixtures.Purls(Lockfile.Read("go.mod", LockfileFixtures.Text(Folder, "replace-no-version.mod")).Components));
}
