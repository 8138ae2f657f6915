using Firebreak.Domain.Tests.Common;

namespace Firebreak.Domain.Tests.Disclosure;

/// <summary>The official CSAF 2.0 example documents (advisories and VEX), as paths relative to the conformance data.</summary>
public static class CsafExamples
{
    public static IEnumerable<string> Files()
    {
        const string folder = "examples/csaf-2.0/csaf";
        if (ConformanceData.Root is not { } root || !Directory.Exists(Path.Combine(root, folder))) return [folder + "/missing.json"];
        return Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
    }
}
