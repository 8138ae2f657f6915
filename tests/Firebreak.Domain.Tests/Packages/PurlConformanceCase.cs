using System.Text.Json;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Tests.Packages;

/// <summary>
/// Runs one purl-spec test case (schema 0.2: test_type parse / validate / build, test_group required /
/// recommended). Returns null on agreement, else a one-line description of the disagreement.
/// 'recommended' cases exercise the spec's "should" remediations, so they run with
/// <see cref="PurlStrictness.Lenient"/>; 'required' cases run strictly.
/// </summary>
internal static class PurlConformanceCase
{
    public static string? Run(JsonElement test)
    {
        var type = test.GetProperty("test_type").GetString();
        var strictness = test.GetProperty("test_group").GetString() == "recommended"
            ? PurlStrictness.Lenient
            : PurlStrictness.Strict;
        var expectFailure = test.TryGetProperty("expected_failure", out var f) && f.GetBoolean();
        var input = test.GetProperty("input");
        var expected = test.TryGetProperty("expected_output", out var e) ? e : default;
        return type switch
        {
            "parse" => RunParse(input.GetString()!, strictness, expectFailure, expected),
            "validate" => RunValidate(input.GetString()!, strictness, expectFailure, expected),
            "build" => RunBuild(input, expectFailure, expected),
            _ => $"unknown test_type '{type}'",
        };
    }

    private static string? RunParse(string input, PurlStrictness strictness, bool expectFailure, JsonElement expected)
    {
        var ok = PackageUrl.TryParse(input, strictness, out var purl, out var error);
        if (expectFailure) return ok ? $"parsed '{input}' as '{purl}' but a failure was expected" : null;
        if (!ok || purl is null) return $"failed to parse '{input}': {error}";
        var diffs = new List<string>();
        Compare("type", Str(expected, "type"), purl.Type, diffs);
        Compare("namespace", Str(expected, "namespace"), purl.Namespace, diffs);
        Compare("name", Str(expected, "name"), purl.Name, diffs);
        Compare("version", Str(expected, "version"), purl.Version, diffs);
        Compare("subpath", Str(expected, "subpath"), purl.Subpath, diffs);
        var expectedQualifiers = Qualifiers(expected.GetProperty("qualifiers"))
            .Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => $"{q.Key}={q.Value}");
        Compare("qualifiers", string.Join('&', expectedQualifiers),
            string.Join('&', purl.Qualifiers.Select(q => $"{q.Key}={q.Value}")), diffs);
        return diffs.Count == 0 ? null : $"parse '{input}': {string.Join("; ", diffs)}";
    }

    private static string? RunValidate(string input, PurlStrictness strictness, bool expectFailure, JsonElement expected)
    {
        var ok = PackageUrl.TryParse(input, strictness, out var purl, out var error);
        if (expectFailure) return ok ? $"validated '{input}' as '{purl}' but a failure was expected" : null;
        if (!ok || purl is null) return $"failed to validate '{input}': {error}";
        var canonical = purl.ToString();
        return canonical == expected.GetString() ? null : $"validate '{input}': got '{canonical}', expected '{expected.GetString()}'";
    }

    private static string? RunBuild(JsonElement input, bool expectFailure, JsonElement expected)
    {
        string? built = null, error = null;
        try
        {
            built = PackageUrl.Create(Str(input, "type"), Str(input, "namespace"), Str(input, "name"),
                Str(input, "version"), Qualifiers(input.GetProperty("qualifiers")), Str(input, "subpath")).ToString();
        }
        catch (PackageUrlFormatException ex)
        {
            error = ex.Message;
        }
        if (expectFailure) return built is null ? null : $"built '{built}' from {input} but a failure was expected";
        if (built is null) return $"failed to build {input}: {error}";
        return built == expected.GetString() ? null : $"build {input}: got '{built}', expected '{expected.GetString()}'";
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<KeyValuePair<string, string?>> Qualifiers(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
            ? [.. obj.EnumerateObject().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.GetString()))]
            : [];

    private static void Compare(string component, string? expected, string? actual, List<string> diffs)
    {
        if (!string.Equals(expected ?? "", actual ?? "", StringComparison.Ordinal))
            diffs.Add($"{component} '{actual}' != expected '{expected}'");
    }
}
