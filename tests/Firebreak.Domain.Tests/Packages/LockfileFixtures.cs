using Firebreak.Domain.Packages.Lockfiles;
using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>Runs a reader over every file of a shared fixture folder: the broken ones must fail with a located error, the rest must read.</summary>
internal static class LockfileFixtures
{
    public static string Path(string folder, string file) => ConformanceData.Require($"lockfiles/{folder}/{file}");

    public static string Text(string folder, string file) => File.ReadAllText(Path(folder, file));

    /// <summary>Returns how many files were read; <paramref name="broken"/> are file names (not paths) expected to fail.</summary>
    public static int AssertEvery(string folder, Action<string, string> read, params string[] broken)
    {
        var root = ConformanceData.Require("lockfiles/" + folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (broken.Contains(System.IO.Path.GetFileName(file)))
            {
                var error = Assert.Throws<LockfileFormatException>(() => read(text, file));
                Assert.Equal(file, error.File);
            }
            else
            {
                var exception = Record.Exception(() => read(text, file));
                Assert.True(exception is null, $"{file} should read: {exception?.Message}");
            }
        }
        Assert.All(broken, b => Assert.Contains(files, f => System.IO.Path.GetFileName(f) == b));
        return files.Count;
    }

    public static List<string> Purls(IEnumerable<LockfileComponent> components) => components.Select(c => c.Purl.ToString()).ToList();
}
