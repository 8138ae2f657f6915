namespace Firebreak.Domain.Tests.Common;

/// <summary>
/// Locates the shared conformance data (../shared/testdata from the repository root, or
/// FIREBREAK_CONFORMANCE_DATA). Absent data skips a test locally but fails it under CI=true,
/// so CI can never go green without the conformance suites having run.
/// </summary>
public static class ConformanceData
{
    public static string? Root { get; } = Locate();

    /// <summary>Returns the full path of a file or folder under the conformance data, or skips/fails.</summary>
    public static string Require(string relative)
    {
        if (Root is not null)
        {
            var path = Path.Combine(Root, relative);
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        var message = $"Conformance data '{relative}' not found (looked in ../shared/testdata and FIREBREAK_CONFORMANCE_DATA).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(message + " Under CI=true conformance tests are mandatory.");
        Assert.Skip(message);
        return null!;
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("FIREBREAK_CONFORMANCE_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
