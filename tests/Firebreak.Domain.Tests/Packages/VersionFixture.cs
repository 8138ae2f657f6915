namespace Firebreak.Domain.Tests.Packages;

/// <summary>Reads "A op B" lines; blank lines and '#' or '//' comments are skipped.</summary>
internal static class VersionFixture
{
    public static IEnumerable<(int Line, string A, string Op, string B)> Read(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || parts[1] is not ("<" or "=" or ">"))
                throw new InvalidDataException($"{path}:{number}: not 'A op B': {raw}");
            yield return (number, parts[0], parts[1], parts[2]);
        }
    }
}
