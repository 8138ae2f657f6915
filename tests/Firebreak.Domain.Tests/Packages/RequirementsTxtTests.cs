using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class RequirementsTxtTests
{
    private const string Folder = "python-requirements";

    private static LockfileContents Read(string file) => RequirementsTxt.Parse(LockfileFixtures.Text(Folder, file), file);

    [Fact]
    public void Fixtures_ValidRead_InvalidFailWithLocatedError() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) => RequirementsTxt.Parse(text, file), "invalid.txt");

    [Fact]
    public void Parse_Comments_NamesNormalisedAndCommentsDropped() =>
        Assert.Equal(["pkg:pypi/pycrypto@1.2-alpha", "pkg:pypi/gmpy2@1", "pkg:pypi/sympy@1.2", "pkg:pypi/requests@1.0", "pkg:pypi/six@1.2"],
            LockfileFixtures.Purls(Read("comments.txt").Components));

    [Fact]
    public void Parse_WithVersions_OnlyExactPinsAreComponents()
    {
        var contents = Read("with_versions.txt");
        Assert.Equal(
            ["pkg:pypi/nltk@3.2.2", "pkg:pypi/tabulate@0.7.7", "pkg:pypi/qwerty@0.1", "pkg:pypi/hy-phen@1.2", "pkg:pypi/under-score@1.3", "pkg:pypi/pkg-dot-name@5.0.0", "pkg:pypi/yolo@1.0"],
            LockfileFixtures.Purls(contents.Components));
        Assert.Equal([3, 4, 10, 12], contents.Skipped.Select(s => s.Line));
    }

    [Fact]
    public void Parse_PerRequirementOptions_HashesAndOptionsIgnored()
    {
        var contents = Read("per_req_options.txt");
        Assert.Equal(
            ["foo1", "foo2", "foo3", "foo4", "foo5", "foo6", "foo8", "foo9", "foo11", "foo12", "foo13", "foo14", "foo16-client", "foo17-hash", "foo18-client"],
            contents.Components.Select(c => c.Purl.Name));
        Assert.All(contents.Components, c => Assert.Equal("1.0", c.Purl.Version));
        Assert.Equal([13, 20, 30], contents.Skipped.Select(s => s.Line)); // foo7 (text in its version), foo10 and foo15 (empty version)
    }

    [Fact]
    public void Parse_Example_IncludesAndPathsIgnoredRangesSkipped()
    {
        var contents = Read("example.txt");
        Assert.Equal(["pkg:pypi/docopt@0.6.1"], LockfileFixtures.Purls(contents.Components));
        Assert.Equal(10, contents.Skipped.Count);
        Assert.Contains(contents.Skipped, s => s.Entry.StartsWith("urllib3 @", StringComparison.Ordinal) && s.Reason.Contains("URL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("multiline_and_comments.txt", new[] { "pkg:pypi/pkga@1.0", "pkg:pypi/pkgb@2.0" })]
    [InlineData("extras.txt", new[] { "pkg:pypi/pyjwt@2.1.0", "pkg:pypi/celery@4.4.7" })]
    [InlineData("env_var.txt", new[] { "pkg:pypi/asdf@1.2", "pkg:pypi/another@1.0" })]
    [InlineData("trailing_backslash.txt", new[] { "pkg:pypi/pkg1@1.0" })]
    [InlineData("loop.txt", new string[0])]
    [InlineData("no_version.txt", new string[0])]
    public void Parse_Fixture_HasExactComponents(string file, string[] purls) =>
        Assert.Equal(purls, LockfileFixtures.Purls(Read(file).Components));

    [Fact]
    public void Parse_InvalidFixture_NamesTheLineWithoutAProject()
    {
        var error = Assert.Throws<LockfileFormatException>(() => Read("invalid.txt"));
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("'==1.0' has no project name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asdf 1.0", 1, 6, "'1.0' in 'asdf 1.0' is not a version specifier")]
    [InlineData("ok==1\nname[extra == 1", 2, 5, "the extras are not closed")]
    public void Parse_Malformed_SaysWhere(string text, int line, int column, string message)
    {
        var error = Assert.Throws<LockfileFormatException>(() => RequirementsTxt.Parse(text, "requirements.txt"));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequirementsDevTxt_IsDetected()
    {
        Assert.True(Lockfile.TryDetect("ci/requirements-dev.txt", out var format));
        Assert.Equal(LockfileFormat.Requirements, format);
        Assert.Single(Lockfile.Read("requirements-dev.txt", "Django==4.2.1 ; python_version >= \"3.8\"").Components);
    }
}
