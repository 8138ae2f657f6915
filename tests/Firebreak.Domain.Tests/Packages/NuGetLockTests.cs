using Firebreak.Domain.Packages.Lockfiles;

namespace Firebreak.Domain.Tests.Packages;

public class NuGetLockTests
{
    private const string Folder = "dotnet-packageslockjson";

    [Fact]
    public void Fixtures_ValidRead_InvalidFailWithLocatedError() =>
        LockfileFixtures.AssertEvery(Folder, (text, file) => NuGetLock.Parse(text, file), "invalid");

    [Fact]
    public void Parse_ValidFixture_OneDirectAndSevenTransitive()
    {
        var components = NuGetLock.Parse(LockfileFixtures.Text(Folder, "valid/packages.lock.json"), "packages.lock.json");
        Assert.Equal(
            [
                "pkg:nuget/Core.Dep@1.24.0", "pkg:nuget/Some.Dep.One@1.1.1", "pkg:nuget/Some.Dep.Two@4.6.0", "pkg:nuget/Some.Dep.Three@1.0.2",
                "pkg:nuget/Some.Dep.Four@4.5.0", "pkg:nuget/Some.Longer.Name.Dep@4.7.2", "pkg:nuget/Some.Dep.Five@4.7.2", "pkg:nuget/Another.Longer.Name.Dep@4.5.4",
            ],
            LockfileFixtures.Purls(components));
        Assert.Equal([true, false, false, false, false, false, false, false], components.Select(c => c.Direct));
        Assert.All(components, c => Assert.False(c.Development));
    }

    [Fact]
    public void Read_TwoFrameworks_ProjectSkippedAndDuplicatesMerged()
    {
        const string json = """
            {"version": 2, "dependencies": {
              "net8.0": {"A": {"type": "Transitive", "resolved": "1.0.0"}, "Lib": {"type": "Project"}, "C": {"type": "CentralTransitive", "requested": "[2.0.0, )", "resolved": "2.0.0"}},
              "net8.0/linux-x64": {"A": {"type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0"}}
            }}
            """;
        var contents = Lockfile.Read("src/App/packages.lock.json", json);
        Assert.Equal([new LockfileComponent(Firebreak.Domain.Packages.PackageUrl.Parse("pkg:nuget/A@1.0.0"), true, false),
            new LockfileComponent(Firebreak.Domain.Packages.PackageUrl.Parse("pkg:nuget/C@2.0.0"), false, false)], contents.Components);
    }

    [Theory]
    [InlineData("[]", "$: expected a packages.lock.json object")]
    [InlineData("{\"dependencies\": []}", "$.dependencies: expected an object")]
    [InlineData("{\"dependencies\": {\"net8.0\": {\"A\": {\"type\": \"Weird\", \"resolved\": \"1.0.0\"}}}}", "$.dependencies['net8.0']['A'].type: 'Weird' is not Direct")]
    [InlineData("{\"dependencies\": {\"net8.0\": {\"A\": {\"type\": \"Direct\"}}}}", "$.dependencies['net8.0']['A']: has no 'resolved' version")]
    [InlineData("{\"dependencies\": {\"net8.0\": {\"A\": 3}}}", "['A']: expected an object")]
    [InlineData("{\"dependencies\": ", "Not valid JSON")]
    public void Parse_Malformed_SaysWhere(string json, string message) =>
        Assert.Contains(message, Assert.Throws<LockfileFormatException>(() => NuGetLock.Parse(json, "packages.lock.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_NotJson_GivesLineAndColumn()
    {
        var error = Assert.Throws<LockfileFormatException>(() => NuGetLock.Parse("{\n  \"version\": x\n}", "packages.lock.json"));
        Assert.Equal((2, 14), (error.Line, error.Column));
    }
}
