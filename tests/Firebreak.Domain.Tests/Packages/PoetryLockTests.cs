using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class PoetryLockTests
{
    private const string Folder = "python-poetrylock";

    private static IReadOnlyList<LockfileComponent> Read(string file) => PoetryLock.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_ValidRead_NotTomlFails() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) => PoetryLock.Parse(text, file), "not-toml.txt");

    [Theory]
    [InlineData("one-package.lock", new[] { "pkg:pypi/numpy@1.23.3" })]
    [InlineData("optional-package.lock", new[] { "pkg:pypi/numpy@1.23.3" })]
    [InlineData("one-package-with-metadata.lock", new[] { "pkg:pypi/emoji@2.0.0" })]
    [InlineData("two-packages.lock", new[] { "pkg:pypi/proto-plus@1.22.0", "pkg:pypi/protobuf@4.21.5" })]
    [InlineData("names-outside-package-block.lock", new[] { "pkg:pypi/first-pkg@1.0.0", "pkg:pypi/second-pkg@2.0.0" })]
    [InlineData("source-legacy.lock", new[] { "pkg:pypi/appdirs@1.4.4" })]
    [InlineData("source-git.lock", new string[0])]
    [InlineData("empty.lock", new string[0])]
    [InlineData("empty-file.lock", new string[0])]
    public void Parse_Fixture_HasExactPackages(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file)));

    [Fact]
    public void Parse_Poetry2Groups_OnlyGroupsWithoutMainAreDevelopment()
    {
        var components = Read("multiple-packages.v2.lock");
        Assert.Equal(
            ["async-timeout", "factory-boy", "faker", "proto-plus", "proto-plus", "protobuf", "python-dateutil", "redis", "six", "typing-extensions", "urllib3"],
            components.Select(c => c.Purl.Name));
        Assert.Equal([false, true, true, false, false, false, true, false, false, true, true], components.Select(c => c.Development));
        Assert.Equal("2.9.0.post0", components[6].Purl.Version);
        Assert.All(components, c => Assert.Null(c.Direct));
    }

    [Fact]
    public void Parse_Poetry1DevCategory_IsDevelopment() =>
        Assert.Equal([false, true], PoetryLock.Parse("[[package]]\nname = \"a\"\nversion = \"1\"\ncategory = \"main\"\n[[package]]\nname = \"B_c\"\nversion = \"2\"\ncategory = \"dev\"\n", "poetry.lock")
            .Select(c => c.Development));

    [Theory]
    [InlineData("this is not valid toml! (I think)", 1, "Not valid TOML")]
    [InlineData("package = 3", 1, "'package' must be an array of tables")]
    [InlineData("[[package]]\nversion = \"1\"", 0, "Package 1 has no 'name'")]
    [InlineData("[[package]]\nname = \"a\"\nversion = 1", 0, "Package 1: 'version' must be a string")]
    [InlineData("[[package]]\nname = \"a\"\nversion = \"1\"\ngroups = \"dev\"", 0, "'groups' must be a list of strings")]
    public void Parse_Malformed_SaysWhat(string text, int line, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => PoetryLock.Parse(text, "poetry.lock"));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_IsAFormatErrorNotACrash()
    {
        // Found by LockfilePropertyTests: Tomlyn throws ArgumentOutOfRangeException while describing this bad escape.
        var text = "\"/x\\" + (char)0xD800 + "\" = 1";
        Assert.Contains("Not valid TOML", Assert.Throws<LockfileFormatException>(() => PoetryLock.Parse(text, "poetry.lock")).Message, StringComparison.Ordinal);
    }
}
