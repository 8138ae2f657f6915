namespace Firebreak.Benchmarks;

/// <summary>Finds ../shared/testdata/advisory-data from the repository root (or FIREBREAK_CONFORMANCE_DATA), as the tests do.</summary>
public static class SharedData
{
    public static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("FIREBREAK_CONFORMANCE_DATA");
        if (!string.IsNullOrEmpty(env)) return Path.Combine(env, "advisory-data");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Firebreak.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", "advisory-data"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
