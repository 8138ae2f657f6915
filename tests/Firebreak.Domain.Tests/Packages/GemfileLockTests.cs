using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class GemfileLockTests
{
    private const string Folder = "ruby-gemfilelock";

    private static IReadOnlyList<LockfileComponent> Read(string file) => GemfileLock.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_ValidRead_InvalidFailWithLocatedError() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) => GemfileLock.Parse(text, file), "invalid.lock");

    [Theory]
    [InlineData("one-gem.lock", new[] { "pkg:gem/ast@2.4.2" })]
    [InlineData("source-section-at-end.lock", new[] { "pkg:gem/ast@2.4.2" })]
    [InlineData("some-gems.lock", new[] { "pkg:gem/coderay@1.1.3", "pkg:gem/method_source@1.0.0", "pkg:gem/pry@0.14.1" })]
    [InlineData("has-git-gem.lock", new[] { "pkg:gem/concurrent-ruby@1.1.7", "pkg:gem/rack@2.2.3", "pkg:gem/transproc@1.1.1" })]
    [InlineData("no-gems.lock", new string[0])]
    [InlineData("no-spec-section.lock", new string[0])]
    [InlineData("no-gem-section.lock", new string[0])]
    public void Parse_Fixture_HasExactGems(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file)));

    [Fact]
    public void Parse_MultipleGems_DependenciesSectionMarksDirect()
    {
        var components = Read("multiple-gems.lock");
        Assert.Equal(["bundler-audit", "coderay", "dotenv", "method_source", "pry", "thor"], components.Select(c => c.Purl.Name));
        Assert.Equal([true, false, true, false, true, false], components.Select(c => c.Direct));
        Assert.Equal("0.9.0.1", components[0].Purl.Version);
    }

    [Fact]
    public void Parse_Rails_PlatformSuffixBecomesQualifier()
    {
        var components = Read("rails.lock");
        Assert.Equal(46, components.Count);
        Assert.Contains(components, c => c.Purl.ToString() == "pkg:gem/nokogiri@1.13.3?platform=x86_64-linux" && c.Direct == false);
        Assert.Equal([true], components.Where(c => c.Purl.Name == "rails").Select(c => c.Direct));
    }

    [Fact]
    public void Parse_LocalPathGem_IsLeftOut()
    {
        var components = Read("has-local-gem.lock");
        Assert.DoesNotContain(components, c => c.Purl.Name == "backbone-on-rails");
        Assert.Contains(components, c => c.Purl.ToString() == "pkg:gem/eco-source@1.1.0.rc.1");
    }

    [Fact]
    public void Parse_InvalidFixture_NamesTheSpecWithoutVersion()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Read("invalid.lock"));
        Assert.Equal((4, 5), (error.Line, error.Column));
        Assert.Contains("'invalid-name' is not a spec", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello world", 1, 1, "Expected a section name")]
    [InlineData("  remote: x", 1, 3, "before any section")]
    [InlineData("GEM\n  specs:\n     odd (1.0)", 3, 6, "Unexpected indentation of 5")]
    [InlineData("GEM\n  remote: x\n    a (1.0)", 3, 5, "Unexpected indentation of 4")]
    public void Parse_Malformed_SaysWhere(string text, int line, int column, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => GemfileLock.Parse(text, "Gemfile.lock"));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
